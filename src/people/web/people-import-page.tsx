import { Grid, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { get, post } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { formatNumber } from '../../app/web/format';
import { ImportApplyProgress } from './import-apply-progress';
import { ImportColumns } from './import-columns';
import { ImportResult } from './import-result';
import { ImportUpload } from './import-upload';
import { peopleKeys, type ImportStatus } from './people-api';

/** Upload the HR export, review the preview, apply it and watch it run. The import id sits in the URL (?id=). */
export function PeopleImportPage() {
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const client = useQueryClient();

  const current = useQuery({
    queryKey: peopleKeys.import(id ?? ''),
    queryFn: ({ signal }) => get<ImportStatus>(`/people-imports/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data?.status === 'applying' ? 500 : false),
    refetchIntervalInBackground: true,
  });

  const apply = useMutation({
    mutationFn: (importId: string) => post<ImportStatus>(`/people-imports/${encodeURIComponent(importId)}/apply`),
    onSuccess: (result) => client.setQueryData(peopleKeys.import(result.id), result),
  });

  // When an import finishes, refresh everything that shows people and say so.
  const lastStatus = useRef<ImportStatus['status'] | undefined>(undefined);
  const status = current.data?.status;
  useEffect(() => {
    if (lastStatus.current === 'applying' && status === 'applied' && current.data) {
      void client.invalidateQueries({ queryKey: peopleKeys.all });
      void client.invalidateQueries({ queryKey: peopleKeys.units });
      void client.invalidateQueries({ queryKey: ['org-chart'] });
      notifications.show({ color: 'teal', title: 'Import applied', message: `${formatNumber(current.data.totalRows)} rows from ${current.data.fileName}.` });
    }
    lastStatus.current = status;
  }, [status, current.data, client]);

  const onUploaded = (result: ImportStatus) => {
    client.setQueryData(peopleKeys.import(result.id), result);
    apply.reset();
    setParams({ id: result.id });
  };

  const startOver = () => {
    apply.reset();
    setParams({});
  };

  const result = id ? current.data : undefined;

  return (
    <>
      <PageHeader
        title="Import people"
        description="Load the HR export to create and update people, their business units and who they report to. You see a preview first; nothing changes until you apply it."
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {!id ? (
              <ImportUpload onUploaded={onUploaded} />
            ) : current.isPending ? (
              <Stack gap="sm" role="status" aria-label="Loading the import">
                <Skeleton height={28} width="50%" />
                <Skeleton height={90} />
              </Stack>
            ) : current.isError && !result ? (
              <>
                <ErrorAlert error={current.error} title="This import cannot be shown" />
                <ImportUpload onUploaded={onUploaded} />
              </>
            ) : result?.status === 'applying' ? (
              <ImportApplyProgress result={result} />
            ) : result ? (
              <ImportResult result={result} onApply={() => apply.mutate(result.id)} applying={apply.isPending} applyError={apply.error} onStartOver={startOver} />
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ImportColumns />
        </Grid.Col>
      </Grid>
    </>
  );
}
