import { Anchor, Badge, Card, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PersonDetail } from './people-api';
import { RoleBadges } from './role-badges';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={700} c="gray.7" tt="uppercase">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </div>
  );
}

export function PersonFacts({ person }: { person: PersonDetail }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="facts-heading">
      <Title order={2} size="h4" mb="md" id="facts-heading">
        Details
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md" m={0}>
        <Fact label="E-mail">
          <Anchor href={`mailto:${person.email}`} size="sm">
            {person.email}
          </Anchor>
        </Fact>
        <Fact label="Employee id">{person.employeeId}</Fact>
        <Fact label="Job title">{person.jobTitle || '—'}</Fact>
        <Fact label="Business unit">{person.businessUnit?.name ?? '—'}</Fact>
        <Fact label="Manager">
          {person.manager ? (
            <Anchor component={Link} to={`/people/${person.manager.id}`} size="sm">
              {person.manager.name}
            </Anchor>
          ) : (
            'None — top of the organization'
          )}
        </Fact>
        <Fact label="Status">
          {person.active ? (
            <Badge color="teal" variant="light">
              Active
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              Inactive
            </Badge>
          )}
        </Fact>
        <Fact label="Time zone">{person.timeZone}</Fact>
        <Fact label="Locale">{person.locale}</Fact>
        <Fact label="Roles">
          <RoleBadges roles={person.roles} />
        </Fact>
      </SimpleGrid>
    </Card>
  );
}
