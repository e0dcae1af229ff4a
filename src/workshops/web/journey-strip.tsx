import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { opportunityKindLabels } from '../workshop-values';
import type { WorkshopView } from './workshops-api';

/**
 * The customer's journey at a glance (CX-1..3): the moments of truth left to right in the order
 * lived, each with the opportunities harvested there by kind and a mark where waste was found.
 * A picture of where the journey hurts, for the room and for the report.
 */
export function JourneyStrip({ workshop }: { workshop: Pick<WorkshopView, 'moments' | 'opportunities'> }) {
  if (workshop.moments.length === 0) return null;
  return (
    <Box component="ol" aria-label="The customer journey" p={0} m={0} style={{ listStyle: 'none', display: 'flex', gap: 8, overflowX: 'auto', paddingBottom: 4 }} className="stride-journey">
      {workshop.moments.map((m, i) => {
        const found = workshop.opportunities.filter((o) => o.momentId === m.id);
        const kinds = [...new Set(found.map((o) => o.kind))];
        return (
          <Paper component="li" key={m.id} withBorder radius="md" p="sm" miw={170} maw={220} style={{ flex: '0 0 auto', borderTop: `4px solid var(--mantine-color-${found.length ? 'orange' : 'teal'}-7)` }}>
            <Stack gap={4}>
              <Text size="xs" c="gray.7" fw={600}>
                Moment {i + 1}
              </Text>
              <Text fw={600} size="sm">
                {m.name}
              </Text>
              <Text size="xs" c="gray.7">
                {found.length === 0 ? 'No opportunity here' : found.length === 1 ? 'One opportunity' : `${found.length} opportunities`}
                {m.nonValueAdded.trim() ? ' · waste found' : ''}
              </Text>
              <Group gap={4}>
                {kinds.map((k) => (
                  <Badge key={k} size="xs" variant="light" color={k === 'training' ? 'blue' : 'grape'} c={k === 'training' ? 'blue.9' : 'grape.9'}>
                    {opportunityKindLabels[k]}
                  </Badge>
                ))}
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </Box>
  );
}
