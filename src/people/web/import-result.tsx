import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPlayerPlay } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { formatDateTime, formatNumber } from '../../app/web/format';
import { ImportErrors } from './import-errors';
import { ImportSummary } from './import-summary';
import type { ImportStatus } from './people-api';

type Props = {
  result: ImportStatus;
  onApply: () => void;
  applying: boolean;
  applyError: unknown;
  onStartOver: () => void;
};

/** The preview (previewed/rejected) or the outcome (applied/failed) of an import. */
export function ImportResult({ result, onApply, applying, applyError, onStartOver }: Props) {
  const another = (
    <Button variant="default" onClick={onStartOver}>
      {result.status === 'previewed' ? 'Choose another file' : 'Import another file'}
    </Button>
  );

  if (result.status === 'applied') {
    return (
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="result-heading">
        <Stack gap="md">
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Import applied" role="status">
            {result.fileName} was applied{result.appliedAt ? ` on ${formatDateTime(result.appliedAt)}` : ''}: {formatNumber(result.totalRows)} rows processed.
          </Alert>
          <Title order={2} size="h4" id="result-heading">
            What changed
          </Title>
          <ImportSummary result={result} done />
          <Group>
            <Button component={Link} to="/people">
              Open the people directory
            </Button>
            {another}
          </Group>
        </Stack>
      </Card>
    );
  }

  if (result.status === 'failed') {
    return (
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="result-heading">
        <Stack gap="md">
          <Title order={2} size="h4" id="result-heading">
            The import failed
          </Title>
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Not applied" role="alert">
            Applying {result.fileName} stopped after {formatNumber(result.processedRows)} of {formatNumber(result.totalRows)} rows. Fix the problem and
            import the file again; people are matched by employee id, so importing the same rows twice does no harm.
          </Alert>
          {result.errors.length > 0 && <ImportErrors result={result} />}
          <Group>{another}</Group>
        </Stack>
      </Card>
    );
  }

  const rejected = result.status === 'rejected';
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="result-heading">
      <Stack gap="md">
        <Title order={2} size="h4" id="result-heading">
          Preview of {result.fileName}
        </Title>
        {rejected ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="This file cannot be imported" role="alert">
            {formatNumber(Math.max(result.errorCount, result.errors.length))} problems were found. Nothing has been applied. Fix the rows below in the
            file and choose it again.
          </Alert>
        ) : (
          <Text size="sm">Nothing has changed yet. Check the numbers, then apply the import to update the directory and the org chart.</Text>
        )}
        <ImportSummary result={result} />
        {rejected && <ImportErrors result={result} />}
        {applyError ? <ErrorAlert error={applyError} title="The import was not started" /> : null}
        <Group>
          {!rejected && (
            <Button onClick={onApply} loading={applying} leftSection={<IconPlayerPlay size={16} aria-hidden />}>
              Apply import
            </Button>
          )}
          {another}
        </Group>
      </Stack>
    </Card>
  );
}
