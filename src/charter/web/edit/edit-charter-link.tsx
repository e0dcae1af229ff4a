import { Button } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router';
import { hasRole, useSession } from '../../../app/web/hooks/use-session';
import { charterEditorRoles } from '../../charter-editors';

/** For the unit lead and administrators only: everyone else reads the charter. */
export function EditCharterLink() {
  const { actor } = useSession();
  if (!hasRole(actor, ...charterEditorRoles)) return null;
  return (
    <Button component={Link} to="/charter/edit" variant="default" leftSection={<IconPencil size={16} aria-hidden />} className="stride-no-print">
      Edit the charter
    </Button>
  );
}
