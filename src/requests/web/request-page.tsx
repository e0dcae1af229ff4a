import { Anchor, Badge, Button, Card, Grid, Group, Select, Skeleton, Stack, Tabs, Text, Textarea, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { UnitContactCard } from '../../app/web/components/unit-contact-card';
import { formatDate, formatDateTime } from '../../app/web/format';
import { urgencyLabels } from '../request-values';
import { DiagnosisView } from './diagnosis-panel';
import { FollowThroughPanel } from './follow-through-panel';
import { EffortCard } from './effort-card';
import { TwoVoicesPanel } from './two-voices-panel';
import { RecommendationPanel } from './recommendation-panel';
import { eventLabel, stateColor, stateLabel } from './request-format';
import { isNotFound, useAssignRequest, useRequest, useWithdrawRequest, type Request } from './requests-api';
import { useRequestStaff } from './use-request-staff';

/**
 * One request (RQ-1..RQ-6): its state and owner always shown to the requester; tabs for the
 * request, the diagnosis with its chart, the recommendation, the follow-through and the history.
 */
export function RequestPage() {
  const { id } = useParams();
  const found = useRequest(id);
  if (found.isPending) return <Skeleton height={420} aria-label="Loading the request" />;
  if (found.isError) {
    return (
      <>
        <PageHeader title="Request not available" />
        {isNotFound(found.error) ? (
          <EmptyState icon={<IconInbox size={24} />} title="There is no such request">
            It may have been mistyped, or it is not yours to see.
          </EmptyState>
        ) : (
          <ErrorAlert error={found.error} title="This request cannot be shown" />
        )}
      </>
    );
  }
  const r = found.data;
  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to={r.canManage ? '/requests' : '/requests/mine'} size="sm">
            ← {r.canManage ? 'Requests' : 'My requests'}
          </Anchor>
        }
        title={r.title}
        description={
          <Group gap="xs">
            <Badge color={stateColor[r.state]}>{stateLabel[r.state]}</Badge>
            <Text size="sm" c="gray.7">
              {r.reference} · asked by {r.requester.name}
              {r.openedBy ? ` (opened by ${r.openedBy.name})` : ''} · owner: <b>{r.owner?.name ?? 'not yet assigned'}</b>
            </Text>
          </Group>
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs defaultValue={r.recommendations.length ? 'recommendation' : r.diagnosis ? 'diagnosis' : 'request'} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="request">The request</Tabs.Tab>
              <Tabs.Tab value="diagnosis">Diagnosis</Tabs.Tab>
              <Tabs.Tab value="two-voices">Two voices</Tabs.Tab>
              <Tabs.Tab value="recommendation">Recommendation</Tabs.Tab>
              <Tabs.Tab value="follow-through">Follow-through</Tabs.Tab>
              <Tabs.Tab value="history">History</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="request">
              <RequestWords r={r} />
            </Tabs.Panel>
            <Tabs.Panel value="diagnosis">
              <DiagnosisView r={r} />
            </Tabs.Panel>
            <Tabs.Panel value="two-voices">
              <TwoVoicesPanel r={r} />
            </Tabs.Panel>
            <Tabs.Panel value="recommendation">
              <RecommendationPanel r={r} />
            </Tabs.Panel>
            <Tabs.Panel value="follow-through">
              <FollowThroughPanel r={r} />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <Timeline bullet-size={14} lineWidth={2}>
                {r.events.map((e) => (
                  <Timeline.Item key={e.id} title={eventLabel[e.type] ?? e.type}>
                    <Text size="xs" c="gray.7">
                      {formatDateTime(e.at)}
                      {e.actor ? ` · ${e.actor.name}` : ''}
                    </Text>
                    {e.note && <Text size="sm">{e.note}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <StatusCard r={r} />
            {r.canManage && !['closed', 'withdrawn', 'draft'].includes(r.state) && <AssignCard r={r} />}
            {r.effort && r.state !== 'draft' && <EffortCard r={r} effort={r.effort} />}
            {r.canWithdraw && <WithdrawCard r={r} />}
            <UnitContactCard />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function RequestWords({ r }: { r: Request }) {
  const rows: [string, string | null][] = [
    ['The performance problem', r.problem],
    ['Who is affected', `${r.audience}${r.audienceSize ? ` (${r.audienceSize} people)` : ''}`],
    ['The outcome needed', r.desiredOutcome],
    ['The solution they had in mind', r.proposedSolution || '—'],
    ['Urgency', urgencyLabels[r.urgency]],
    ['Strategic goal', r.goal?.title ?? '—'],
    ['Business unit', r.businessUnit?.name ?? '—'],
  ];
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text size="sm" c="gray.7">
              {label}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>
          </div>
        ))}
        {r.origin === 'support_case' && r.originId && (
          <Anchor component={Link} to={`/support/${r.originId}`} size="sm">
            Opened from a support case
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

function StatusCard({ r }: { r: Request }) {
  const clock = r.clocks[0];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="status-heading">
      <Title order={2} size="h4" id="status-heading" mb="xs">
        Where it stands
      </Title>
      <Text size="sm">{stateLabel[r.state]}</Text>
      <Text size="sm">Owner: {r.owner?.name ?? 'not yet assigned'}</Text>
      {r.triageRole && (
        <Text size="sm" c="gray.7">
          Per the charter, a {r.triageRole.replace('_', ' ')} triages and the {r.decisionRole?.replace('_', ' ')} agrees the recommendation.
        </Text>
      )}
      {clock && (
        <Text size="sm" mt="xs">
          {clock.name}: {clock.stoppedAt ? `done ${formatDate(clock.stoppedAt)} (${clock.state === 'met' ? 'in time' : 'late'})` : `due ${formatDateTime(clock.dueAt)}${clock.state === 'breached' ? ' — overdue' : ''}`}
        </Text>
      )}
    </Card>
  );
}

function AssignCard({ r }: { r: Request }) {
  const staff = useRequestStaff(r.triageRole);
  const assign = useAssignRequest(r.id);
  const [ownerId, setOwnerId] = useState<string | null>(r.owner?.id ?? null);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="owner-heading">
      <Title order={2} size="h4" id="owner-heading" mb="xs">
        Owner
      </Title>
      {assign.error && <ErrorAlert error={assign.error} title="Not assigned" />}
      <Select label="Who owns the request" data={staff.options} value={ownerId} onChange={setOwnerId} searchable error={undefined} />
      <Button mt="sm" size="xs" disabled={!ownerId || ownerId === r.owner?.id} loading={assign.isPending} onClick={() => ownerId && assign.mutate({ ownerId }, { onSuccess: (s) => notifications.show({ color: 'teal', title: 'Assigned', message: `${s.owner?.name} owns the request.` }) })}>
        Assign
      </Button>
    </Card>
  );
}

function WithdrawCard({ r }: { r: Request }) {
  const [reason, setReason] = useState('');
  const withdraw = useWithdrawRequest(r.id);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="withdraw-heading">
      <Title order={2} size="h4" id="withdraw-heading" mb="xs">
        No longer needed?
      </Title>
      <Textarea label="Why you withdraw it" autosize minRows={1} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={withdraw.error ? (withdraw.error as { errors?: { message: string }[] }).errors?.[0]?.message : undefined} />
      <Button mt="sm" size="xs" variant="default" loading={withdraw.isPending} onClick={() => withdraw.mutate({ reason })}>
        Withdraw the request
      </Button>
    </Card>
  );
}
