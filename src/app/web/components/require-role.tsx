import type { ReactNode } from 'react';
import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { roleLabels, type Role } from '../../../platform/auth/roles';
import { hasRole, useSession } from '../hooks/use-session';
import { EmptyState } from './empty-state';
import { PageHeader } from './page-header';

/** Pages for some roles only; others see a plain explanation rather than a broken page. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { actor } = useSession();
  if (hasRole(actor, ...roles)) return <>{children}</>;
  return (
    <>
      <PageHeader title="Not available to you" />
      <EmptyState
        icon={<IconLock size={24} />}
        title={`This page is for: ${roles.map((r) => roleLabels[r].toLowerCase()).join(', ')}`}
        action={
          <Button component={Link} to="/" variant="light">
            Go to the home page
          </Button>
        }
      >
        If your work needs it, ask your Stride administrator for the role.
      </EmptyState>
    </>
  );
}
