import { Button } from '@mantine/core';
import { IconHistory, IconPrinter } from '@tabler/icons-react';
import { Link } from 'react-router';

/** Print and version history: for the screen only, never on the printed charter. */
export function CharterActions({ showHistory = true }: { showHistory?: boolean }) {
  return (
    <>
      {showHistory && (
        <Button component={Link} to="/charter/versions" variant="default" leftSection={<IconHistory size={16} aria-hidden />} className="stride-no-print">
          Version history
        </Button>
      )}
      <Button onClick={() => window.print()} leftSection={<IconPrinter size={16} aria-hidden />} className="stride-no-print">
        Print
      </Button>
    </>
  );
}
