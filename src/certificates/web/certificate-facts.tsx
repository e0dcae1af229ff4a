import { Box, List, Text } from '@mantine/core';
import { formatCompletedOn, formatHours } from '../certificate-format';
import type { VerificationView } from './certificate-api';
import { Fact } from '../../app/web/components/fact';

/** What the certificate says, as printed on it: the same on the verification page and the certificate page. */
export function CertificateFacts({ view }: { view: VerificationView }) {
  return (
    <>
      <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 6 }}>
        <Fact term="Name">{view.learnerName}</Fact>
        <Fact term="Course">
          {view.courseTitle} ({view.courseCode})
        </Fact>
        <Fact term="Completed on">{formatCompletedOn(view.completedOn)}</Fact>
        <Fact term="Hours">{formatHours(view.durationMinutes)}</Fact>
        <Fact term="Code">
          <Text span ff="monospace" size="sm" fw={600}>
            {view.code}
          </Text>
        </Fact>
      </Box>
      {view.objectives.length > 0 && (
        <Box>
          <Text size="sm" fw={600} c="gray.8" mb={4}>
            What the course set out to make them able to do
          </Text>
          <List size="sm" spacing={4}>
            {view.objectives.map((o, i) => (
              <List.Item key={i}>{o}</List.Item>
            ))}
          </List>
        </Box>
      )}
    </>
  );
}
