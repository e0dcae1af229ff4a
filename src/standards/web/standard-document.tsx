import { Badge, Box, Card, Group, List, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { checkSubjectLabels } from '../standard-kinds';
import { partnerKindLabels } from '../standard-content';
import type { StandardVersionView } from './standards-api';

type Content = StandardVersionView['content'];

function Stages({ content }: { content: Extract<Content, { kind: 'design-model' }> }) {
  return (
    <Box component="section" aria-labelledby="standard-stages">
      <Title order={2} size="h3" id="standard-stages" mb="sm">
        Stages
      </Title>
      <Timeline active={content.stages.length} bulletSize={22} lineWidth={2} color="teal">
        {content.stages.map((stage, i) => (
          <Timeline.Item key={stage.id ?? i} title={<Text fw={700}>{`${i + 1}. ${stage.name}`}</Text>}>
            <Text size="sm">{stage.purpose}</Text>
            {stage.deliverables.length > 0 && (
              <Text size="sm" c="gray.8" mt={4}>
                Deliverables: {stage.deliverables.join('; ')}
              </Text>
            )}
            <Group gap="xs" mt={6}>
              {stage.smeTaskAnalysis && (
                <Badge variant="light" color="grape" tt="none" leftSection={<IconUsers size={12} aria-hidden />}>
                  Subject-matter experts help with task analysis
                </Badge>
              )}
              {stage.requiredSignOffs.map((k) => (
                <Badge key={k} variant="outline" color="teal" tt="none">
                  Signed off by: {partnerKindLabels[k].toLowerCase()}
                </Badge>
              ))}
            </Group>
          </Timeline.Item>
        ))}
      </Timeline>
    </Box>
  );
}

function Elearning({ content }: { content: Extract<Content, { kind: 'style-guide' }> }) {
  const e = content.elearning;
  const rows: [string, string][] = [
    ['Accessibility level', e.accessibilityLevel],
    ['Package formats', e.packageFormats.join(', ')],
    ['Largest package', `${e.maxPackageMb} MB`],
    ['Largest video', `${e.maxVideoMb} MB`],
    ['Largest image', `${e.maxImageKb} KB`],
    ['Captions on every video', e.captionsRequired ? 'Required' : 'Not required'],
  ];
  return (
    <Box component="section" aria-labelledby="standard-elearning">
      <Title order={2} size="h3" id="standard-elearning" mb="sm">
        E-learning technical requirements
      </Title>
      <Table withTableBorder variant="vertical" maw={560}>
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w="50%">{k}</Table.Th>
              <Table.Td>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** ST-1 ST-2: one version of a standard as everyone reads it and prints it. */
export function StandardDocument({ standard }: { standard: StandardVersionView }) {
  const c = standard.content;
  return (
    <Stack gap="xl">
      <Card withBorder radius="md" padding="md">
        <Text fw={600}>{c.summary}</Text>
        <Text size="sm" c="gray.8" mt="xs">
          <Text span fw={600} size="sm">
            Applies to:{' '}
          </Text>
          {standard.governs}
        </Text>
      </Card>
      {c.kind === 'design-model' && <Stages content={c} />}
      {c.sections.map((section, i) => (
        <Box component="section" key={section.id ?? i} aria-labelledby={`section-${i}`}>
          <Title order={2} size="h3" id={`section-${i}`} mb={4}>
            {section.heading}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{section.body}</Text>
        </Box>
      ))}
      {c.kind === 'style-guide' && <Elearning content={c} />}
      <Box component="section" aria-labelledby="standard-checklist">
        <Title order={2} size="h3" id="standard-checklist" mb={4}>
          Checklist
        </Title>
        <Text size="sm" c="gray.8" mb="sm">
          Work is checked against these items: each is passed, waived with a reason, or failed.
        </Text>
        <List type="ordered" spacing="xs">
          {c.checklist.map((item, i) => (
            <List.Item key={item.id ?? i}>
              {item.text}{' '}
              <Text span size="sm" c="gray.8">
                ({item.appliesTo.map((t) => checkSubjectLabels[t].toLowerCase()).join(', ')})
              </Text>
            </List.Item>
          ))}
        </List>
      </Box>
    </Stack>
  );
}
