import { Alert, Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { IconFileText, IconHistory } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { isNotFound, useCharterVersion } from './charter-api';
import { CharterActions } from './charter-actions';
import { CharterChanges } from './charter-changes';
import { CharterDocument } from './charter-document';
import { CharterSkeleton } from './charter-skeleton';

const breadcrumb = (
  <Breadcrumbs separator="›" aria-label="Breadcrumb" className="stride-no-print">
    <Anchor component={Link} to="/charter" size="sm">
      Charter
    </Anchor>
    <Anchor component={Link} to="/charter/versions" size="sm">
      Version history
    </Anchor>
  </Breadcrumbs>
);

function versionParam(value: string | undefined): number | undefined {
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** CH-4: one version in full, with what changed from the version before it. */
export function CharterVersionPage() {
  const params = useParams();
  const n = versionParam(params.version);
  const version = useCharterVersion(n);
  const title = n === undefined ? 'Charter version' : `Charter version ${n}`;

  if (n === undefined || version.isError) {
    return (
      <>
        <PageHeader above={breadcrumb} title={title} />
        {n === undefined || isNotFound(version.error) ? (
          <EmptyState
            icon={<IconFileText size={24} />}
            title="There is no such version"
            action={
              <Anchor component={Link} to="/charter/versions" underline="always">
                See every version of the charter
              </Anchor>
            }
          >
            The charter has no version {params.version}.
          </EmptyState>
        ) : (
          <ErrorAlert error={version.error} title="This version cannot be loaded" />
        )}
      </>
    );
  }
  if (version.isPending) {
    return (
      <>
        <PageHeader above={breadcrumb} title={title} />
        <CharterSkeleton label="Loading this version" />
      </>
    );
  }

  const charter = version.data;
  return (
    <>
      <PageHeader above={breadcrumb} title={title} actions={<CharterActions showHistory={false} version={charter.version} />} />
      <Stack gap="lg">
        {charter.status !== 'published' && (
          <Alert color="blue" variant="light" icon={<IconHistory aria-hidden />} title={charter.status === 'draft' ? 'A draft, not yet published' : 'An earlier version'} className="stride-no-print">
            <Text size="sm">
              {charter.status === 'draft' ? 'Nobody is held to this version until it is published.' : 'This version is no longer in force; it stays here so anyone can see what was promised when.'}{' '}
              <Anchor component={Link} to="/charter" size="sm" underline="always">
                Read the charter in force
              </Anchor>
            </Text>
          </Alert>
        )}
        <CharterChanges version={charter.version} changes={charter.changes} />
        <CharterDocument charter={charter} />
      </Stack>
    </>
  );
}
