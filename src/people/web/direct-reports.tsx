import { Anchor, Button, Card, Group, List, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PersonDetail } from './people-api';

const SHOWN = 25;

export function DirectReports({ person }: { person: PersonDetail }) {
  const [all, setAll] = useState(false);
  const reports = all ? person.reports : person.reports.slice(0, SHOWN);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="reports-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="reports-heading">
          Direct reports ({person.reports.length.toLocaleString('en')})
        </Title>
        {person.reports.length > 0 && (
          <Anchor component={Link} to={`/org-chart?root=${person.id}`} size="sm">
            See the team in the org chart
          </Anchor>
        )}
      </Group>
      {person.reports.length === 0 ? (
        <Text size="sm" c="gray.7">
          No one reports to {person.name}.
        </Text>
      ) : (
        <>
          <List spacing={6} listStyleType="none" ml={0} pl={0}>
            {reports.map((r) => (
              <List.Item key={r.id}>
                <Anchor component={Link} to={`/people/${r.id}`} size="sm" fw={600}>
                  {r.name}
                </Anchor>
                {r.jobTitle && (
                  <Text span size="sm" c="gray.7">
                    {' '}
                    — {r.jobTitle}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
          {person.reports.length > SHOWN && (
            <Button variant="subtle" size="xs" mt="sm" onClick={() => setAll((v) => !v)}>
              {all ? 'Show fewer' : `Show all ${person.reports.length.toLocaleString('en')}`}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
