import { Anchor, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { importColumns } from '../people-schemas';
import { ScrollTable } from '../../app/web/components/scroll-table';

/** What the CSV must look like, straight from the shared column list. */
export function ImportColumns() {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="columns-heading">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4" id="columns-heading">
          Expected columns
        </Title>
        <Anchor href="/api/v1/people-imports/template.csv" download="people-template.csv" size="sm" fw={600}>
          <Group gap={4} component="span" wrap="nowrap">
            <IconDownload size={16} aria-hidden />
            Download template
          </Group>
        </Anchor>
      </Group>
      <Text size="sm" c="gray.7" mb="sm">
        One row per person, with a header row. Header names are matched without regard to case; other columns are ignored.
      </Text>
      <ScrollTable minWidth={320} label="Expected columns table">
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Column</Table.Th>
              <Table.Th scope="col">What it holds</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {importColumns.map((c) => (
              <Table.Tr key={c.name}>
                <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                  <Stack gap={2} align="flex-start">
                    <Code>{c.name}</Code>
                    <Text size="xs" fw={c.required ? 700 : 400} c={c.required ? 'teal.9' : 'gray.7'}>
                      {c.required ? 'Required' : 'Optional'}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="sm">{c.help}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Card>
  );
}
