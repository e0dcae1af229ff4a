import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PersonSummary } from './people-api';
import { RoleBadges } from './role-badges';

export function PeopleTable({ people, caption }: { people: PersonSummary[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover captionSide="top">
        <Table.Caption style={{ textAlign: 'start' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Job title</Table.Th>
            <Table.Th scope="col">Business unit</Table.Th>
            <Table.Th scope="col">Manager</Table.Th>
            <Table.Th scope="col">Roles</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={`/people/${p.id}`} fw={600}>
                      {p.name}
                    </Anchor>
                    {!p.active && (
                      <Badge size="xs" color="gray" variant="light">
                        Inactive
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="gray.7">
                    {p.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{p.jobTitle || '—'}</Table.Td>
              <Table.Td>{p.businessUnit?.name ?? '—'}</Table.Td>
              <Table.Td>
                {p.manager ? (
                  <Anchor component={Link} to={`/people/${p.manager.id}`}>
                    {p.manager.name}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <RoleBadges roles={p.roles} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
