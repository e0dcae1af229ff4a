import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { opportunityKindLabels } from '../workshop-values';
import type { WorkshopView } from './workshops-api';
import { RequestFromOpportunity } from './request-from-opportunity';

/**
 * Step 5 (CX-4): what the workshop hands on. Each opportunity is listed with the moment it was
 * found at; the report prints the whole workshop for the business unit.
 */
export function ActSection({ workshop }: { workshop: WorkshopView }) {
  const [turning, setTurning] = useState<string | null>(null);
  const chosen = workshop.opportunities.find((o) => o.id === turning);
  const momentName = (id: string | null) => {
    const i = workshop.moments.findIndex((m) => m.id === id);
    return i < 0 ? 'The whole journey' : `${i + 1}. ${workshop.moments[i]!.name}`;
  };
  return (
    <Stack gap="sm">
      {workshop.opportunities.length === 0 ? (
        <Text size="sm">No opportunity harvested yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Opportunity</Table.Th>
                <Table.Th scope="col">What it would change</Table.Th>
                <Table.Th scope="col">Where</Table.Th>
                <Table.Th scope="col">Follow-through</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {workshop.opportunities.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.description}</Table.Td>
                  <Table.Td>{opportunityKindLabels[o.kind]}</Table.Td>
                  <Table.Td>{momentName(o.momentId)}</Table.Td>
                  <Table.Td>
                    {o.requestId ? (
                      <Anchor component={Link} to={`/requests/${o.requestId}`} size="sm">
                        Became a request
                      </Anchor>
                    ) : workshop.canRun ? (
                      <Button size="compact-sm" variant="light" onClick={() => setTurning(o.id)} aria-label={`Make a request of: ${o.description}`}>
                        Make a request
                      </Button>
                    ) : (
                      <Text size="sm">Not yet a request</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {chosen && <RequestFromOpportunity key={chosen.id} workshop={workshop} opportunity={chosen} onDone={() => setTurning(null)} />}
      <Group>
        <Anchor component={Link} to={`/workshops/${workshop.id}/report`}>
          Open the workshop report to print or hand out
        </Anchor>
      </Group>
    </Stack>
  );
}
