import { Anchor, Badge, Group, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { formatDate } from '../../app/web/format';
import { isNotFound, useProject } from './development-api';
import { ReleasePlan } from './release-plan';
import { QuestionClocks as ServiceLevelClocks } from '../../questions/web/question-clocks';
import { StagePanel } from './stage-panel';

const back = (
  <Anchor component={Link} to="/development" size="sm">
    <span aria-hidden>‹ </span>Development
  </Anchor>
);

/** A development project (DV-1, DV-2): the timeline of its stages, each with its partners and reviews, and the release plan. */
export function ProjectPage() {
  const { id } = useParams();
  const project = useProject(id);
  if (project.isPending) return <Skeleton height={300} aria-label="Loading the project" />;
  if (project.isError) {
    return (
      <>
        <PageHeader title={isNotFound(project.error) ? 'Project not found' : 'The project cannot be shown'} above={back} />
        <ErrorAlert error={project.error} />
      </>
    );
  }
  const p = project.data;
  const active = p.stages.findIndex((s) => s.state === 'active');
  return (
    <>
      <PageHeader
        title={p.title}
        above={back}
        description={
          <Group gap="xs">
            <Badge variant="light">
              <span style={{ color: 'var(--mantine-color-gray-9)' }}>{p.state === 'started' ? 'In development' : p.state}</span>
            </Badge>
            <Text size="sm">
              {p.size} project · owner {p.owner.name} · started {formatDate(p.startedAt)}
              {p.designModelVersion ? ` · design model v${p.designModelVersion}` : ''}
              {p.requestId && (
                <>
                  {' · '}
                  <Anchor component={Link} to={`/requests/${p.requestId}`} underline="always">
                    the request
                  </Anchor>
                </>
              )}
            </Text>
          </Group>
        }
      />
      <Stack gap="lg">
        {p.clocks.length > 0 && <ServiceLevelClocks clocks={p.clocks} />}
        <ReleasePlan project={p} />
        <section aria-labelledby="stages-heading">
          <Title order={2} size="h4" id="stages-heading" mb="sm">
            Stages
          </Title>
          {p.stages.length === 0 ? (
            <Text>This project started before a design model was published: it has no stages.</Text>
          ) : (
            <Timeline active={active === -1 ? p.stages.length : active} bulletSize={24} lineWidth={2}>
              {p.stages.map((s) => (
                <Timeline.Item key={s.id} bullet={s.state === 'closed' ? <IconCheck size={14} aria-hidden /> : <IconPoint size={14} aria-hidden />} title={<Title order={3} size="h5">{s.name}</Title>}>
                  <StagePanel project={p} stage={s} />
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </section>
      </Stack>
    </>
  );
}
