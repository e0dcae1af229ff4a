import { IconFileText } from '@tabler/icons-react';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { useUnit } from '../../app/web/hooks/use-unit';
import { isNotFound, useCharter } from './charter-api';
import { CharterActions } from './charter-actions';
import { CharterDocument } from './charter-document';
import { CharterSkeleton } from './charter-skeleton';
import { EditCharterLink } from './edit/edit-charter-link';

/** CH-1: the charter in force, for everyone signed in, on screen and on paper. */
export function CharterPage() {
  const charter = useCharter();
  const unit = useUnit();
  const unitName = unit.data?.unitName ?? 'the training unit';
  const description = `What ${unitName} offers, how it handles your requests and by whom, and the service levels it promises to keep.`;

  if (charter.isPending) {
    return (
      <>
        <PageHeader title="Our service charter" description={description} />
        <CharterSkeleton />
      </>
    );
  }
  if (charter.isError) {
    return (
      <>
        <PageHeader title="Our service charter" description={description} actions={<EditCharterLink />} />
        {isNotFound(charter.error) ? (
          <EmptyState icon={<IconFileText size={24} />} title="No charter has been published yet">
            When {unitName} publishes its service charter — what it offers and the promises it keeps — you will find it here. Until then, the contact details at the
            bottom of the page reach the unit.
          </EmptyState>
        ) : (
          <ErrorAlert error={charter.error} title="The charter cannot be loaded" />
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader title="Our service charter" description={description} actions={
          <>
            <EditCharterLink />
            <CharterActions />
          </>
        } />
      <CharterDocument charter={charter.data} />
    </>
  );
}
