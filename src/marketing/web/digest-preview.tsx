import { Alert, Anchor, Badge, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { IconInfoCircle } from '@tabler/icons-react';
import { plural } from '../../app/web/format';
import type { DigestPreviewView } from './marketing-api';

type Props = { preview: DigestPreviewView | undefined; loading: boolean; hasInterests: boolean };

/** "If the digest went out today": the same selection the job makes, for the choice on the page. */
export function DigestPreview({ preview, loading, hasInterests }: Props) {
  const newCount = preview ? preview.newCourses.length + preview.moreNewCourses : 0;
  const upcomingCount = preview ? preview.upcomingSessions.length + preview.moreUpcomingSessions : 0;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="digest-preview-heading">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id="digest-preview-heading">
            If the digest went out today
          </Title>
          {loading && <Loader size="xs" aria-label="Updating the preview" />}
        </Group>
        {!hasInterests ? (
          <Text c="gray.7" size="sm">
            Choose at least one interest to see what the digest would hold.
          </Text>
        ) : !preview ? null : newCount + upcomingCount === 0 ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title="Nothing matches today">
            When nothing matches, no digest is sent: you only hear from us when there is something for you.
          </Alert>
        ) : (
          <>
            <Text fw={600} role="status">
              {plural(newCount, 'new course')} and {plural(upcomingCount, 'upcoming session')} match today
            </Text>
            {preview.newCourses.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={600} c="gray.8">
                  New in the catalog
                </Text>
                <List size="sm" spacing={4}>
                  {preview.newCourses.slice(0, 5).map((c) => (
                    <List.Item key={c.id}>
                      <Anchor component={Link} to={`/catalog/courses/${c.id}`} size="sm">
                        {c.code} {c.title}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )}
            {preview.upcomingSessions.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={600} c="gray.8">
                  Upcoming sessions with seats left
                </Text>
                <List size="sm" spacing={6}>
                  {preview.upcomingSessions.slice(0, 5).map((s) => (
                    <List.Item key={s.id}>
                      <Anchor component={Link} to={`/catalog/courses/${s.course.id}`} size="sm">
                        {s.course.code} {s.course.title}
                      </Anchor>
                      <Text size="xs" c="gray.7">
                        {s.when}
                      </Text>
                      <Badge size="sm" variant="light" color="teal" mt={2}>
                        {plural(s.seatsLeft, 'seat')} left
                      </Badge>
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
