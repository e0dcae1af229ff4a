import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { CourseDetailView } from './catalog-api';

/** CA-7: the person who answers for this course, and how to reach them. */
export function CourseContactCard({ contact }: { contact: CourseDetailView['contact'] }) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="course-contact-heading" className="stride-catalog-card">
      <Title order={2} size="h4" id="course-contact-heading" mb="sm">
        Questions about this course?
      </Title>
      <Stack gap={6}>
        <div>
          <Text fw={600}>{contact.name}</Text>
          {contact.jobTitle && (
            <Text size="sm" c="gray.7">
              {contact.jobTitle}
            </Text>
          )}
        </div>
        <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 6 }}>
          <Text component="dt" size="sm" fw={600}>
            E-mail
          </Text>
          <Text component="dd" size="sm" m={0}>
            <Anchor href={`mailto:${contact.email}`} size="sm">
              {contact.email}
            </Anchor>
          </Text>
          {contact.phone && (
            <>
              <Text component="dt" size="sm" fw={600}>
                Phone
              </Text>
              <Text component="dd" size="sm" m={0}>
                <Anchor href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} size="sm">
                  {contact.phone}
                </Anchor>
              </Text>
            </>
          )}
        </dl>
      </Stack>
    </Card>
  );
}
