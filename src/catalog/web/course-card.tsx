import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconClock, IconLanguage } from '@tabler/icons-react';
import { Link } from 'react-router';
import { plural } from '../../app/web/format';
import { hasSessions } from '../catalog-values';
import type { CourseSummaryView } from './catalog-api';
import { formatDuration, formatMoment, languageList, viewerTimeZone } from './catalog-format';
import { FormatBadge, StatusBadge } from './format-badge';

/** When the course can next be taken, in the viewer's own time. */
function nextSessionText(course: CourseSummaryView): string {
  if (!hasSessions(course.format)) return 'Self-paced: start whenever suits you.';
  if (!course.nextSession) return 'No sessions scheduled yet.';
  const next = `Next session ${formatMoment(new Date(course.nextSession.startsAt), viewerTimeZone())} your time`;
  return course.upcomingSessionCount > 1 ? `${next} · ${plural(course.upcomingSessionCount, 'upcoming session')}` : `${next} · the only one scheduled`;
}

/** A course in the listing: enough to tell whether it is the one, and a link to the rest (CA-1). */
export function CourseCard({ course }: { course: CourseSummaryView }) {
  const headingId = `course-${course.id}`;
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={headingId} h="100%">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={2} size="h4" id={headingId}>
            <Anchor component={Link} to={`/catalog/courses/${course.id}`} inherit c="teal.9">
              {course.title}
            </Anchor>
          </Title>
          <Group gap={6} wrap="nowrap">
            <StatusBadge status={course.status} />
            <FormatBadge format={course.format} />
          </Group>
        </Group>
        <Group gap="md" wrap="wrap">
          <Text size="sm" c="gray.8" fw={600}>
            {course.code}
          </Text>
          <Group gap={4} wrap="nowrap">
            <IconClock size={15} aria-hidden />
            <Text size="sm" c="gray.8">
              {formatDuration(course.durationMinutes)}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <IconLanguage size={15} aria-hidden />
            <Text size="sm" c="gray.8">
              {languageList(course.languages)}
            </Text>
          </Group>
        </Group>
        <Text style={{ flex: 1 }}>{course.summary}</Text>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconCalendarEvent size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" fw={500}>
            {nextSessionText(course)}
          </Text>
        </Group>
        {course.interests.length > 0 && (
          <Group gap={6} aria-label="Interests" role="list">
            {course.interests.map((interest) => (
              <Badge key={interest.id} role="listitem" variant="outline" color="gray" c="gray.8" radius="sm" tt="none" fw={500}>
                {interest.name}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
