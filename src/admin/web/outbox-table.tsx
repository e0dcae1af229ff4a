import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/web/format';
import type { OutboxItem } from './admin-api';
import { OutboxStatusBadge } from './outbox-status-badge';
import { ScrollTable } from '../../app/web/components/scroll-table';

export function OutboxTable({ items, caption }: { items: OutboxItem[]; caption: string }) {
  return (
    <ScrollTable minWidth={860} label="Outbox messages">
      <Table striped highlightOnHover captionSide="top">
        <Table.Caption style={{ textAlign: 'start' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">To</Table.Th>
            <Table.Th scope="col">Subject</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Attempts</Table.Th>
            <Table.Th scope="col">Sent</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.createdAt)}</Table.Td>
              <Table.Td>{m.to}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Anchor component={Link} to={`/admin/outbox/${m.id}`} fw={600}>
                    {m.subject || '(no subject)'}
                  </Anchor>
                  {m.lastError && (
                    <Text size="xs" c="red.9" lineClamp={2}>
                      {m.lastError}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <OutboxStatusBadge status={m.status} />
              </Table.Td>
              <Table.Td>{m.attempts}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.sentAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
