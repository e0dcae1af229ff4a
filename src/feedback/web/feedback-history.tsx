import { Badge, Card, Text, Timeline, Title } from '@mantine/core';
import { formatDateTime } from '../../app/web/format';
import type { Feedback } from './feedback-api';
import { eventLabels } from './feedback-format';

/** Every handling step, oldest first; the unit's internal notes are marked (the sender never gets them). */
export function FeedbackHistory({ feedback }: { feedback: Feedback }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="feedback-history">
      <Title order={2} size="h4" mb="sm" id="feedback-history">
        What happened so far
      </Title>
      <Timeline active={feedback.events.length - 1} bulletSize={14} lineWidth={2}>
        {feedback.events.map((event) => (
          <Timeline.Item
            key={event.id}
            title={
              <Text fw={600} size="sm">
                {eventLabels[event.type]}
                {event.internal && (
                  <Badge ml="xs" size="sm" color="gray" c="gray.9" variant="light" tt="none">
                    Internal
                  </Badge>
                )}
              </Text>
            }
          >
            <Text size="sm" c="gray.7">
              {formatDateTime(event.at)}
              {event.actor ? ` · ${event.actor.name}` : ''}
            </Text>
            {event.text && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {event.text}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
