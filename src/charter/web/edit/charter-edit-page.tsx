import { Button } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../app/web/components/error-alert';
import { PageHeader } from '../../../app/web/components/page-header';
import { RequireRole } from '../../../app/web/components/require-role';
import { charterEditorRoles } from '../../charter-editors';
import { isNotFound } from '../charter-api';
import { CharterSkeleton } from '../charter-skeleton';
import { useEditStart } from './charter-edit-api';
import { CharterEditForm } from './charter-edit-form';
import { blankDraft, draftFromCharter } from './draft-from-charter';

function Editor() {
  const { draft, inForce, noDraft } = useEditStart();
  if (draft.isPending || (noDraft && inForce.isPending)) return <CharterSkeleton label="Loading the charter to edit" />;
  if (draft.isSuccess) return <CharterEditForm initial={draftFromCharter(draft.data, true)} origin="draft" />;
  if (!noDraft) return <ErrorAlert error={draft.error} title="The draft cannot be loaded" />;
  if (inForce.isSuccess) return <CharterEditForm initial={draftFromCharter(inForce.data, false)} origin="in-force" version={inForce.data.version} />;
  if (isNotFound(inForce.error)) return <CharterEditForm initial={blankDraft()} origin="blank" />;
  return <ErrorAlert error={inForce.error} title="The charter cannot be loaded" />;
}

/** CH-1 CH-4: the unit lead edits the charter as a draft and publishes it as a new version. */
export function CharterEditPage() {
  return (
    <RequireRole roles={[...charterEditorRoles]}>
      <PageHeader
        title="Edit the charter"
        description="Change what the unit offers, how it handles requests, its service levels and its calendar. Save as often as you like; readers see the changes when you publish."
        actions={
          <Button component={Link} to="/charter" variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
            Back to the charter
          </Button>
        }
      />
      <Editor />
    </RequireRole>
  );
}
