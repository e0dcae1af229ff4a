import { Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, post } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { formatDate } from '../../app/web/format';
import { useActor } from '../../app/web/hooks/use-session';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { PersonSelect } from '../../people/web/person-select';
import { recogniseInput, type RecognitionView } from '../recognition-schemas';

const empty = { personId: '', act: '', value: '' };

/**
 * Recognition (FB-4): thank a colleague for a concrete act and the value it created. Recent
 * recognitions are stories by date — no points, counts or rankings, on purpose.
 */
export function RecognitionPage() {
  const actor = useActor();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['recognitions'], queryFn: ({ signal }) => get<RecognitionView[]>('/recognitions', undefined, signal) });
  const form = useZodForm(empty);
  const [personLabel, setPersonLabel] = useState<string | undefined>();
  const give = useMutation({ mutationFn: (input: object) => post<RecognitionView>('/recognitions', input), onSuccess: () => void client.invalidateQueries({ queryKey: ['recognitions'] }) });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(recogniseInput);
    if (input) give.mutate(input, { onSuccess: () => { form.reset(empty); setPersonLabel(undefined); }, onError: (error) => form.applyProblem(error) });
  };
  return (
    <Stack gap="lg">
      <PageHeader title="Recognition" description="Tell a colleague — and their manager — what they did that made a difference for a customer or a colleague. No points, no rankings: just the story." />
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="recognise-heading">
        <Title order={2} size="h4" id="recognise-heading" mb="sm">Recognise a colleague</Title>
        <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Recognise a colleague">
          <Stack gap="sm">
            {give.error && <ErrorAlert error={give.error} formFields={Object.keys(empty)} title="Not sent" />}
            {give.isSuccess && <Text size="sm" c="teal.9" role="status">Sent: they and their manager will hear of it.</Text>}
            <PersonSelect label="Colleague" description="Search by name." placeholder="Choose a colleague" value={form.values.personId || null} initialLabel={personLabel} excludeId={actor.id} onChange={(id) => form.setValue('personId', id ?? '')} error={form.errors.personId} />
            <Textarea label="What they did" autosize minRows={2} {...form.textProps('act')} />
            <Textarea label="Who it helped, and how" autosize minRows={2} {...form.textProps('value')} />
            <div>
              <Button type="submit" loading={give.isPending}>Send the recognition</Button>
            </div>
          </Stack>
        </form>
      </Card>
      <Stack gap="sm" component="section" aria-labelledby="recent-heading">
        <Title order={2} size="h4" id="recent-heading">Recent recognitions</Title>
        {list.error && <ErrorAlert error={list.error} />}
        {list.data?.length === 0 && <Text size="sm">None yet: be the first.</Text>}
        {list.data?.map((r) => (
          <Card key={r.id} withBorder radius="md" padding="md" component="article">
            <Text fw={600}>{r.from.name} recognised {r.to.name}</Text>
            <Text size="sm" c="gray.7" mb={4}>{formatDate(r.at)}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.act}</Text>
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}><Text span fw={600} size="sm">Value: </Text>{r.value}</Text>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
