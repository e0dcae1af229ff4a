import { Anchor, Badge, Card, Grid, Group, List, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { UnitContactCard } from '../../app/web/components/unit-contact-card';
import { formatDate, formatDateTime } from '../../app/web/format';
import { supportOptionText } from '../support-options';
import { isNotFound, useSupportCase, type SupportCase } from './support-api';
import { eventLabel, optionLabel, stateColor, stateLabel } from './support-format';
import { SupportCaseWork } from './support-case-work';

const ratingLabel = { met: 'met', partly: 'partly met', not_met: 'not met' } as const;

/**
 * One support case (AF-5): who, which course, the objectives reported not met and by whom, the
 * decision and its reason, the history. The unit's staff work it here; the learner and their
 * supervisor read it (without the unit's internal notes).
 */
export function SupportCasePage() {
  const { id } = useParams();
  const found = useSupportCase(id);

  if (found.isPending) {
    return (
      <Stack gap="md" role="status" aria-label="Loading the support case">
        <Skeleton height={32} width={320} />
        <Skeleton height={220} />
      </Stack>
    );
  }
  if (found.isError) {
    return (
      <>
        <PageHeader title="Support case not available" />
        {isNotFound(found.error) ? (
          <EmptyState icon={<IconLifebuoy size={24} />} title="There is no such support case">
            It may have been mistyped, or it is not yours to see.
          </EmptyState>
        ) : (
          <ErrorAlert error={found.error} title="This support case cannot be shown" />
        )}
      </>
    );
  }
  const c = found.data;
  return (
    <>
      <PageHeader
        above={
          c.canManage ? (
            <Anchor component={Link} to="/support" size="sm">
              ← Support queue
            </Anchor>
          ) : undefined
        }
        title={`Support for ${c.learner.name}`}
        description={`${c.course.title} (${c.course.code}) · opened ${formatDate(c.openedAt)}${c.origin === 'follow_up' ? ' from the follow-up' : ' by the training unit'}`}
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: c.canManage ? 7 : 8 }}>
          <Stack gap="lg">
            <CaseSummary c={c} />
            <Objectives c={c} />
            <History c={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: c.canManage ? 5 : 4 }}>{c.canManage ? <SupportCaseWork c={c} /> : <UnitContactCard />}</Grid.Col>
      </Grid>
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" align="baseline" wrap="nowrap">
      <Text size="sm" c="gray.7" w={130} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}

function CaseSummary({ c }: { c: SupportCase }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="case-summary">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="case-summary">
          The case
        </Title>
        <Badge variant="light" color={stateColor[c.state]} c={`${stateColor[c.state]}.9`} tt="none">
          {stateLabel[c.state]}
        </Badge>
      </Group>
      <Stack gap={6}>
        <Row label="Learner">{c.learner.name}</Row>
        <Row label="Supervisor">{c.supervisor?.name ?? 'None on record'}</Row>
        <Row label="Course">
          {c.course.title} ({c.course.code})
        </Row>
        <Row label="Session">{c.session ? formatDate(c.session.startsAt) : 'Self-paced'}</Row>
        <Row label="Completed">{c.completedAt ? formatDate(c.completedAt) : '—'}</Row>
        <Row label="Owner">{c.owner?.name ?? 'Nobody yet'}</Row>
        <Row label="Decision">
          {optionLabel(c.decision)}
          {c.decidedBy && c.decidedAt && (
            <Text size="xs" c="gray.7">
              by {c.decidedBy.name}, {formatDateTime(c.decidedAt)}
            </Text>
          )}
        </Row>
        {c.decisionReason && <Row label="Why">{c.decisionReason}</Row>}
        {c.decision && <Row label="What happens next">{supportOptionText[c.decision].next}</Row>}
        {c.outcome && <Row label="Outcome">{c.outcome}</Row>}
      </Stack>
    </Card>
  );
}

function Objectives({ c }: { c: SupportCase }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="case-objectives">
      <Title order={2} size="h4" mb="sm" id="case-objectives">
        Objectives reported not met
      </Title>
      <List spacing="sm">
        {c.objectives.map((o) => (
          <List.Item key={o.id}>
            <Text size="sm">{o.text}</Text>
            {o.reports.map((r) => (
              <Text key={r.by} size="xs" c="gray.7">
                {r.by === 'learner' ? 'Learner' : 'Supervisor'}: {ratingLabel[r.rating]}
                {r.example ? ` — “${r.example}”` : ''}
              </Text>
            ))}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

function History({ c }: { c: SupportCase }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="case-history">
      <Title order={2} size="h4" mb="md" id="case-history">
        History
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={c.events.length - 1}>
        {c.events.map((e) => (
          <Timeline.Item key={e.id} title={<Text size="sm" fw={600}>{e.type === 'decided' && typeof e.details.option === 'string' ? `Decided: ${optionLabel(e.details.option as SupportCase['decision'])}` : eventLabel[e.type]}</Text>}>
            <Text size="xs" c="gray.7">
              {formatDateTime(e.at)} · {e.actor?.name ?? 'Stride, from the follow-up'}
            </Text>
            {e.note && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {e.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {!c.canManage && (
        <Text size="xs" c="gray.7" mt="md">
          The unit’s internal notes are not shown here.
        </Text>
      )}
    </Card>
  );
}

