import { Anchor, Badge, Card, Code, Group, Table, Text, Title } from '@mantine/core';
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
      <ScrollTable minWidth={480} label="Import columns table">
        <Table aria-label="Expected CSV columns" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Column</Table.Th>
              <Table.Th scope="col">Required</Table.Th>
              <Table.Th scope="col">What it holds</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {importColumns.map((c) => (
              <Table.Tr key={c.name}>
                <Table.Td>
                  <Code>{c.name}</Code>
                </Table.Td>
                <Table.Td>
                  {c.required ? (
                    <Badge size="sm" variant="light" color="teal">
                      Required
                    </Badge>
                  ) : (
                    <Text size="sm" c="gray.7">
                      Optional
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
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
