import { Anchor, Group, Paper, Text, Timeline, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { formatDate, formatDateTime } from '../../app/web/format';
import { useCharterVersions, type CharterVersionSummary } from './charter-api';
import { CharterSkeleton } from './charter-skeleton';
import { CharterStatusBadge } from './charter-status-badge';

function published(version: CharterVersionSummary): string {
  if (!version.publishedAt) return `Draft started ${formatDateTime(version.createdAt)}, not published yet`;
  return `Published ${formatDate(version.publishedAt)}${version.publishedBy ? ` by ${version.publishedBy.name}` : ''}`;
}

function VersionItem({ version }: { version: CharterVersionSummary }) {
  return (
    <>
      <Group gap="sm" wrap="wrap" align="center">
        <Title order={2} size="h4">
          <Anchor component={Link} to={`/charter/versions/${version.version}`} inherit underline="always">
            Version {version.version}
          </Anchor>
        </Title>
        <CharterStatusBadge status={version.status} />
      </Group>
      <Text size="sm" c="gray.8" mt={2}>
        {published(version)}
      </Text>
      <Text size="sm" mt={6} maw={720}>
        {version.changeSummary || 'No summary of the changes was written.'}
      </Text>
    </>
  );
}

/** CH-4: every version of the charter, newest first, each with what changed and who published it. */
export function CharterVersionsPage() {
  const versions = useCharterVersions();
  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to="/charter" size="sm">
            <span aria-hidden>‹ </span>Back to the charter
          </Anchor>
        }
        title="Charter version history"
        description="Every published version stays readable. Work already under way is judged by the version that was in force when it began."
      />
      {versions.isPending ? (
        <CharterSkeleton label="Loading the versions" />
      ) : versions.isError ? (
        <ErrorAlert error={versions.error} title="The version history cannot be loaded" />
      ) : versions.data.length === 0 ? (
        <EmptyState icon={<IconHistory size={24} />} title="No versions yet">
          The charter has not been published yet.
        </EmptyState>
      ) : (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
          <Timeline bulletSize={22} lineWidth={2} role="list" aria-label="Charter versions, newest first" active={0}>
            {versions.data.map((version) => (
              <Timeline.Item key={version.version} role="listitem" bullet={<IconHistory size={12} aria-hidden />}>
                <VersionItem version={version} />
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      )}
    </>
  );
}
