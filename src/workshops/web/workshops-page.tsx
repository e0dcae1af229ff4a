import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { hasRole, useSession } from '../../app/web/hooks/use-session';
import { workshopRunnerRoles } from '../workshop-staff';
import { workshopStepLabels, workshopSteps } from '../workshop-values';
import { PlanWorkshopForm } from './plan-workshop-form';
import { formatDay, scopeOf, useWorkshops } from './workshops-api';

/** CX-1..4: the customer experience workshops, latest first; consultants plan new ones here. */
export function WorkshopsPage() {
  const { actor } = useSession();
  const runs = hasRole(actor, ...workshopRunnerRoles);
  const workshops = useWorkshops();
  const [planning, setPlanning] = useState(false);
  return (
    <>
      <PageHeader
        title="Customer experience workshops"
        description="Before training, the causes: each workshop follows a business unit’s customers through their moments of truth, finds what happens now and what should, and harvests improvements — training among them, rarely alone."
        actions={
          runs &&
          !planning && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setPlanning(true)}>
              Plan a workshop
            </Button>
          )
        }
      />
      <Stack gap="md">
        {planning && actor && <PlanWorkshopForm me={{ id: actor.id, name: actor.name }} onCancel={() => setPlanning(false)} />}
        {workshops.error ? (
          <ErrorAlert error={workshops.error} title="The workshops cannot be shown" />
        ) : !workshops.data ? (
          <FullPageLoader />
        ) : workshops.data.length === 0 ? (
          <EmptyState icon={<IconRoute size={24} />} title="No workshop yet">
            {runs ? 'Plan one when a business unit asks for customer service training: the causes come first.' : 'Workshops you take part in appear here.'}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Workshop</Table.Th>
                  <Table.Th scope="col">Whose customers</Table.Th>
                  <Table.Th scope="col">Held on</Table.Th>
                  <Table.Th scope="col">Facilitator</Table.Th>
                  <Table.Th scope="col">Where it stands</Table.Th>
                  <Table.Th scope="col">Found</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {workshops.data.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/workshops/${w.id}`} fw={600}>
                        {w.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{scopeOf(w)}</Table.Td>
                    <Table.Td>{formatDay(w.heldOn)}</Table.Td>
                    <Table.Td>{w.facilitator.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={w.step === 'done' ? 'green' : 'blue'} c={w.step === 'done' ? 'green.9' : 'blue.9'}>
                        {w.step === 'done' ? 'Done' : `Step ${workshopSteps.indexOf(w.step) + 1}: ${workshopStepLabels[w.step].title}`}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {w.moments} moments, {w.opportunities} opportunities
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </>
  );
}
