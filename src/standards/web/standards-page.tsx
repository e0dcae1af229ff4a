import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { formatDate, plural } from '../../app/web/format';
import { useStandards, type StandardOverview } from './standards-api';

function StandardCard({ standard }: { standard: StandardOverview }) {
  const titleId = `standard-${standard.kind}`;
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" id={titleId}>
            <Anchor component={Link} to={`/standards/${standard.kind}`} c="teal.9">
              {standard.name}
            </Anchor>
          </Title>
          {standard.draftVersion !== null && (
            <Badge color="orange" variant="light" tt="none">
              Draft {standard.draftVersion}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="gray.8">
          <Text span fw={600} size="sm">
            Applies to:{' '}
          </Text>
          {standard.governs}
        </Text>
        {standard.inForce ? (
          <>
            <Text size="sm">{standard.inForce.summary}</Text>
            <Group gap="xs">
              <Badge variant="light" color="teal" tt="none">
                Version {standard.inForce.version}, since {formatDate(standard.inForce.publishedAt)}
              </Badge>
              <Badge variant="outline" color="gray" tt="none" leftSection={<IconChecklist size={12} aria-hidden />}>
                {plural(standard.inForce.checklistItems, 'checklist item')}
              </Badge>
            </Group>
          </>
        ) : (
          <Text size="sm" c="gray.8">
            Not published yet.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** ST-1: the unit's instructional design model, delivery methodology and style guide, for everyone. */
export function StandardsPage() {
  const standards = useStandards();
  return (
    <>
      <PageHeader
        title="Standards"
        description="The standards that govern all of the unit's work: how courses are designed with the business, how every instructor teaches, and how everything looks. Each is versioned; work is checked against its checklist."
      />
      {standards.isError ? (
        <ErrorAlert error={standards.error} title="The standards cannot be loaded" />
      ) : standards.isPending ? (
        <SimpleGrid cols={{ base: 1, md: 3 }} role="status" aria-label="Loading the standards">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={200} radius="md" />
          ))}
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {standards.data.map((s) => (
            <StandardCard key={s.kind} standard={s} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
