import { Text, Timeline, Title, VisuallyHidden } from '@mantine/core';
import type { CharterContent } from './charter-api';
import { CharterSection, Paragraphs } from './charter-section';

/** How the unit works with a business unit: the summary, then the steps as a numbered timeline. */
export function PartnershipTimeline({ partnership }: { partnership: CharterContent['partnership'] }) {
  return (
    <CharterSection id="partnership" title="Working in partnership">
      <Paragraphs text={partnership.summary} />
      {partnership.steps.length > 0 && (
        <Timeline
          active={partnership.steps.length - 1}
          bulletSize={34}
          lineWidth={3}
          mt="sm"
          maw={760}
          role="list"
          aria-label="The partnership process, step by step"
        >
          {partnership.steps.map((step, i) => (
            <Timeline.Item
              key={`${i}-${step.title}`}
              role="listitem"
              bullet={
                <Text fw={700} size="sm" c="white" aria-hidden>
                  {i + 1}
                </Text>
              }
              title={
                <Title order={3} size="h5">
                  <VisuallyHidden component="span">Step {i + 1}: </VisuallyHidden>
                  {step.title}
                </Title>
              }
            >
              <Text size="sm" c="gray.8" mt={4}>
                {step.description}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </CharterSection>
  );
}

