import { Grid, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconBook, IconCalendarCheck, IconFileImport, IconHierarchy2, IconHistory, IconMail, IconSettings, IconUserCircle, IconUsers } from '@tabler/icons-react';
import { PageHeader } from './components/page-header';
import { ShortcutCard } from './components/shortcut-card';
import { UnitContactCard } from './components/unit-contact-card';
import { firstName } from './format';
import { hasRole, useActor } from './hooks/use-session';
import { useUnit } from './hooks/use-unit';

function greeting(date = new Date()): string {
  const h = date.getHours();
  if (h < 12) return 'Good morning';
  if (h < 18) return 'Good afternoon';
  return 'Good evening';
}

export function HomePage() {
  const actor = useActor();
  const unit = useUnit();
  const isAdmin = hasRole(actor, 'admin');
  const unitName = unit.data?.unitName ?? 'the training unit';

  return (
    <>
      <PageHeader
        title={`${greeting()}, ${firstName(actor.name)}`}
        description={`Stride is where ${unitName} publishes what it promises and follows through with you — before, during and after training.`}
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <section aria-labelledby="learn-heading">
              <Title order={2} size="h4" mb="sm" id="learn-heading">
                Learn
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <ShortcutCard to="/catalog" title="Course catalog" description="What the unit teaches, for whom, and the next sessions." icon={<IconBook size={22} />} />
                <ShortcutCard to="/my-learning" title="My learning" description="Your places, applications and waitlists, and what comes next." icon={<IconCalendarCheck size={22} />} />
              </SimpleGrid>
            </section>
            <section aria-labelledby="shortcuts-heading">
              <Title order={2} size="h4" mb="sm" id="shortcuts-heading">
                Find people
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <ShortcutCard to="/people" title="People directory" description="Search colleagues by name, unit or role." icon={<IconUsers size={22} />} />
                <ShortcutCard to="/org-chart" title="Org chart" description="Walk the organization team by team." icon={<IconHierarchy2 size={22} />} />
                <ShortcutCard to={`/people/${actor.id}`} title="My profile" description="Your record, manager and team." icon={<IconUserCircle size={22} />} />
              </SimpleGrid>
            </section>
            {isAdmin && (
              <section aria-labelledby="admin-heading">
                <Title order={2} size="h4" mb="sm" id="admin-heading">
                  Administration
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <ShortcutCard to="/admin/import" title="Import people" description="Load or refresh the HR export (CSV)." icon={<IconFileImport size={22} />} />
                  <ShortcutCard to="/admin/outbox" title="Outbox" description="Every e-mail Stride sends, and its delivery." icon={<IconMail size={22} />} />
                  <ShortcutCard to="/admin/audit" title="Audit log" description="Who changed what, and when." icon={<IconHistory size={22} />} />
                  <ShortcutCard to="/admin/settings" title="Settings" description="The unit's name and contact details." icon={<IconSettings size={22} />} />
                </SimpleGrid>
              </section>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <UnitContactCard />
        </Grid.Col>
      </Grid>
    </>
  );
}
