import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from './components/empty-state';
import { PageHeader } from './components/page-header';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState
        icon={<IconMapOff size={24} />}
        title="There is nothing at this address"
        action={
          <Button component={Link} to="/" variant="light">
            Go to the home page
          </Button>
        }
      >
        The link may be old or mistyped.
      </EmptyState>
    </>
  );
}
