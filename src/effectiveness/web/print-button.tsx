import { Button } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';

export function PrintButton() {
  return (
    <Button onClick={() => window.print()} leftSection={<IconPrinter size={16} aria-hidden />} variant="default" className="stride-no-print">
      Print
    </Button>
  );
}
