import { Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { roleLabels } from '../../platform/auth/roles';
import type { CharterContent } from './charter-api';
import { CharterSection } from './charter-section';

type Handling = CharterContent['requestHandling'][number];

function RequestType({ handling }: { handling: Handling }) {
  return (
    <Paper withBorder radius="md" p="lg" className="stride-charter-card">
      <Title order={3} size="h5" mb={6}>
        {handling.requestType}
      </Title>
      <Text size="sm" c="gray.8" mb="sm" maw={760}>
        {handling.description}
      </Text>
      <Table withTableBorder layout="fixed" verticalSpacing="xs" fz="sm">
        <Table.Caption>
          <VisuallyHidden>Who handles {handling.requestType.toLowerCase()}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr bg="gray.0">
            <Table.Th scope="col" w="22%">
              Triaged by
            </Table.Th>
            <Table.Th scope="col" w="22%">
              Decided by
            </Table.Th>
            <Table.Th scope="col">In plain words</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td fw={600}>{roleLabels[handling.triagedBy]}</Table.Td>
            <Table.Td fw={600}>{roleLabels[handling.decidedBy]}</Table.Td>
            <Table.Td>{handling.who || '—'}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Per kind of request: how it is handled, who triages it and who decides. */
export function RequestHandling({ handling }: { handling: CharterContent['requestHandling'] }) {
  return (
    <CharterSection id="requests" title="How we handle requests" lead="For each kind of request: what happens, who looks at it first, and who decides.">
      <Stack gap="md">
        {handling.map((entry) => (
          <RequestType key={entry.requestType} handling={entry} />
        ))}
      </Stack>
    </CharterSection>
  );
}
