import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/web/format';
import type { AuditEntry } from './admin-api';
import { AuditDiff } from './audit-diff';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function EntityRef({ entry }: { entry: AuditEntry }) {
  const isPerson = /^(person|people)$/i.test(entry.entity) && uuid.test(entry.entityId);
  return (
    <Text size="sm">
      <Text span fw={600} size="sm">
        {entry.entity}
      </Text>{' '}
      {isPerson ? (
        <Anchor component={Link} to={`/people/${entry.entityId}`} size="sm">
          {entry.entityId}
        </Anchor>
      ) : (
        <Text span size="sm" c="gray.8" style={{ wordBreak: 'break-all' }}>
          {entry.entityId}
        </Text>
      )}
    </Text>
  );
}

type Props = { entry: AuditEntry; open: boolean; onToggle: () => void };

/** One audit entry and, when opened, its before/after. */
export function AuditEntryRows({ entry, open, onToggle }: Props) {
  const detailsId = `audit-details-${entry.id}`;
  return (
    <>
      <Table.Tr>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
        <Table.Td>
          {entry.actor ? (
            <Anchor component={Link} to={`/people/${entry.actor.id}`} size="sm">
              {entry.actor.name}
            </Anchor>
          ) : (
            <Text size="sm" c="gray.7">
              System
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color="indigo" tt="none" fw={600}>
            {entry.action}
          </Badge>
        </Table.Td>
        <Table.Td>
          <EntityRef entry={entry} />
        </Table.Td>
        <Table.Td>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={onToggle}
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            leftSection={open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          >
            {open ? 'Hide changes' : 'Show changes'}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={5} bg="gray.0">
            <AuditDiff before={entry.before} after={entry.after} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
