import { Table } from '@mantine/core';
import { ScrollTable } from '../../app/web/components/scroll-table';

export function MessageHeaders({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  return (
    <ScrollTable minWidth={420} label="Message headers table">
      <Table aria-label="Message headers" verticalSpacing="xs" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={200}>
              Header
            </Table.Th>
            <Table.Th scope="col">Value</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={2}>No headers recorded.</Table.Td>
            </Table.Tr>
          ) : (
            entries.map(([name, value]) => (
              <Table.Tr key={name}>
                <Table.Td fw={600} style={{ wordBreak: 'break-word' }}>
                  {name}
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-word', fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' }}>
                  {value}
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
