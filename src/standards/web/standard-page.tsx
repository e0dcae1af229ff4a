import { Alert, Anchor, Badge, Box, Breadcrumbs, Button, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconHistory, IconPencil, IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { UnitContactCard } from '../../app/web/components/unit-contact-card';
import { formatDate } from '../../app/web/format';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { ChangeList } from '../../catalog/web/revision-changes';
import { standardEditorRoles } from '../standard-editors';
import { standardKindInfo, standardKinds, type StandardKind } from '../standard-kinds';
import { StandardDocument } from './standard-document';
import { isNotFound, useStandardVersion, useStandardVersions, type StandardVersionView } from './standards-api';

const breadcrumb = (
  <Breadcrumbs separator="›" aria-label="Breadcrumb" className="stride-no-print">
    <Anchor component={Link} to="/standards" size="sm">
      Standards
    </Anchor>
  </Breadcrumbs>
);

export function kindOf(value: string | undefined): StandardKind | undefined {
  return standardKinds.find((k) => k === value);
}

const statusLabels = { draft: 'Draft', published: 'In force', superseded: 'Replaced' } as const;

function History({ kind, current }: { kind: StandardKind; current: number }) {
  const versions = useStandardVersions(kind);
  return (
    <Box component="nav" aria-labelledby="standard-history" className="stride-no-print">
      <Title order={2} size="h4" id="standard-history" mb="xs">
        Versions
      </Title>
      {versions.isPending ? (
        <Skeleton height={80} />
      ) : (
        <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
          {(versions.data ?? []).map((v) => (
            <li key={v.version}>
              <Group gap="xs" wrap="nowrap">
                {v.version === current ? (
                  <Text size="sm" fw={700} aria-current="page">
                    Version {v.version}
                  </Text>
                ) : (
                  <Anchor component={Link} to={`/standards/${kind}/versions/${v.version}`} size="sm">
                    Version {v.version}
                  </Anchor>
                )}
                <Badge size="sm" variant="light" color={v.status === 'published' ? 'teal' : v.status === 'draft' ? 'orange' : 'gray'} tt="none">
                  {statusLabels[v.status]}
                </Badge>
              </Group>
              <Text size="xs" c="gray.8">
                {v.publishedAt ? `Published ${formatDate(v.publishedAt)}` : `Saved ${formatDate(v.updatedAt)}`}
                {v.changeSummary ? ` — ${v.changeSummary}` : ''}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Box>
  );
}

function Changes({ standard }: { standard: StandardVersionView }) {
  if (standard.previousVersion === null) return null;
  return (
    <Box component="section" aria-labelledby="standard-changes" className="stride-no-print">
      <Title order={2} size="h4" id="standard-changes" mb={4}>
        What changed from version {standard.previousVersion}
      </Title>
      {standard.changeSummary && (
        <Text size="sm" mb="sm">
          {standard.changeSummary}
        </Text>
      )}
      {standard.changes.length === 0 ? <Text size="sm">Nothing in the standard itself changed.</Text> : <ChangeList changes={standard.changes} label={`Changes in version ${standard.version}`} />}
    </Box>
  );
}

/** ST-1: a standard in force (or one of its versions), readable by everyone and printable. */
export function StandardPage() {
  const params = useParams();
  const kind = kindOf(params.kind);
  const n = params.version && /^\d{1,9}$/.test(params.version) ? Number(params.version) : undefined;
  const actor = useActor();
  const editor = hasRole(actor, ...standardEditorRoles);
  const standard = useStandardVersion(kind ?? 'design-model', n, !!kind);
  const name = kind ? standardKindInfo[kind].name : 'Standard';
  const title = n ? `${name}, version ${n}` : name;

  const missing = !kind || (params.version !== undefined && n === undefined);
  if (missing || standard.isError) {
    let body;
    if (missing) {
      body = (
        <EmptyState icon={<IconHistory size={24} />} title="There is no such standard">
          <Anchor component={Link} to="/standards">
            See the unit's standards
          </Anchor>
        </EmptyState>
      );
    } else if (!isNotFound(standard.error)) {
      body = <ErrorAlert error={standard.error} title="This standard cannot be loaded" />;
    } else if (n !== undefined) {
      body = (
        <EmptyState icon={<IconHistory size={24} />} title="There is no such version">
          The {name.toLowerCase()} has no version {n}.
        </EmptyState>
      );
    } else {
      body = (
        <EmptyState icon={<IconHistory size={24} />} title="Not published yet" action={editor ? <Button component={Link} to={`/standards/${kind}/edit`}>Write it</Button> : undefined}>
          The unit has not published its {name.toLowerCase()} yet.
        </EmptyState>
      );
    }
    return (
      <>
        <PageHeader above={breadcrumb} title={title} />
        {body}
      </>
    );
  }
  if (standard.isPending) {
    return (
      <>
        <PageHeader above={breadcrumb} title={title} />
        <Skeleton height={300} radius="md" role="status" aria-label="Loading the standard" />
      </>
    );
  }
  const s = standard.data;
  return (
    <Box className="stride-print-document">
      <PageHeader
        above={breadcrumb}
        title={`${s.name}, version ${s.version}`}
        description={s.publishedAt ? `Published ${formatDate(s.publishedAt)}${s.publishedBy ? ` by ${s.publishedBy.name}` : ''}.` : 'A draft, not yet published.'}
        actions={
          <Group gap="sm" className="stride-no-print">
            <Button variant="default" onClick={() => window.print()} leftSection={<IconPrinter size={16} aria-hidden />}>
              Print
            </Button>
            {editor && (
              <Button component={Link} to={`/standards/${kind}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                Edit the draft
              </Button>
            )}
          </Group>
        }
      />
      {s.status !== 'published' && (
        <Alert color="blue" variant="light" mb="lg" title={s.status === 'draft' ? 'A draft, not yet published' : 'An earlier version'} className="stride-no-print">
          <Text size="sm">
            {s.status === 'draft' ? 'Nothing is checked against this version until it is published.' : 'This version has been replaced; it stays here, unchanged, with the work checked against it.'}{' '}
            <Anchor component={Link} to={`/standards/${kind}`} size="sm" underline="always">
              Read the version in force
            </Anchor>
          </Text>
        </Alert>
      )}
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <StandardDocument standard={s} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Changes standard={s} />
            <History kind={kind} current={s.version} />
            <UnitContactCard />
          </Stack>
        </Grid.Col>
      </Grid>
    </Box>
  );
}
