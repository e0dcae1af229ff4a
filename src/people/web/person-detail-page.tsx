import { Button, Card, Grid, Skeleton, Stack, Title } from '@mantine/core';
import { IconHierarchy2 } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { DirectReports } from './direct-reports';
import { ManagerChain } from './manager-chain';
import { usePerson } from './people-api';
import { PersonFacts } from './person-facts';
import { PersonForm, valuesOf } from './person-form';

export function PersonDetailPage() {
  const { id } = useParams();
  const actor = useActor();
  const person = usePerson(id);
  const isAdmin = hasRole(actor, 'admin');

  if (person.isPending) {
    return (
      <Stack gap="md" role="status" aria-label="Loading person">
        <Skeleton height={14} width={280} />
        <Skeleton height={32} width={320} />
        <Skeleton height={220} />
      </Stack>
    );
  }
  if (person.isError) {
    return (
      <>
        <PageHeader title="Person not available" />
        <ErrorAlert error={person.error} title="This record cannot be shown" />
      </>
    );
  }

  const p = person.data;
  const subtitle = [p.jobTitle, p.businessUnit?.name].filter(Boolean).join(' · ') || undefined;

  return (
    <>
      <PageHeader
        above={<ManagerChain chain={p.managerChain} current={p.name} />}
        title={p.name}
        description={subtitle}
        actions={
          <Button component={Link} to={`/org-chart?root=${p.id}`} variant="default" leftSection={<IconHierarchy2 size={16} aria-hidden />}>
            Open in org chart
          </Button>
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: isAdmin ? 7 : 12 }}>
          <Stack gap="lg">
            <PersonFacts person={p} />
            <DirectReports person={p} />
          </Stack>
        </Grid.Col>
        {isAdmin && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="edit-heading">
              <Title order={2} size="h4" mb="md" id="edit-heading">
                Edit details
              </Title>
              <PersonForm key={`${p.id}`} person={p} initial={valuesOf(p)} onSaved={() => undefined} />
            </Card>
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}
