import { Table, Text } from '@mantine/core';
import { formatNumber } from '../../app/web/format';
import type { ImportStatus } from './people-api';
import { ScrollTable } from '../../app/web/components/scroll-table';

/** The rows that stopped the import, with the column and the reason. */
export function ImportErrors({ result }: { result: ImportStatus }) {
  const shown = result.errors.length;
  const total = Math.max(result.errorCount, shown);
  const caption =
    total > shown
      ? `Showing first ${formatNumber(shown)} of ${formatNumber(total)} errors`
      : `${formatNumber(total)} ${total === 1 ? 'error' : 'errors'}`;
  return (
    <ScrollTable minWidth={560} label="Import errors table">
      <Table striped captionSide="top" verticalSpacing="xs">
        <Table.Caption style={{ textAlign: 'start' }}>
          <Text span size="sm" fw={600} c="gray.9">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={90}>
              Row
            </Table.Th>
            <Table.Th scope="col" w={200}>
              Field
            </Table.Th>
            <Table.Th scope="col">Message</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.errors.map((e, i) => (
            <Table.Tr key={`${e.row}-${e.field}-${i}`}>
              <Table.Td>{e.row > 0 ? formatNumber(e.row) : '—'}</Table.Td>
              <Table.Td>{e.field || '—'}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
