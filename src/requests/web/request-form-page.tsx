import { Button, Card, Group, NumberInput, Select, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { requestDraftInput, submittableRequest } from '../request-schemas';
import { requestUrgencies, urgencyLabels, type RequestUrgency } from '../request-values';
import { useCreateDraft, useRequest, useSaveDraft, useSubmitRequest, type Request } from './requests-api';
import { useGoals } from './portfolio-api';

const empty = { title: '', problem: '', audience: '', audienceSize: '' as number | string, desiredOutcome: '', proposedSolution: '', urgency: 'when_possible' as RequestUrgency, goalId: null as string | null };

/** The request form (RQ-1): a new request at /requests/new, a draft again at /requests/:id/edit. */
export function RequestFormPage() {
  const { id } = useParams();
  const found = useRequest(id);
  if (id && found.isPending) return <Skeleton height={480} aria-label="Loading the draft" />;
  if (id && found.isError) return <ErrorAlert error={found.error} title="This draft cannot be opened" />;
  return <RequestForm draft={found.data} />;
}

function RequestForm({ draft }: { draft: Request | undefined }) {
  const navigate = useNavigate();
  const form = useZodForm(empty);
  const create = useCreateDraft();
  const save = useSaveDraft(draft?.id ?? '');
  const submit = useSubmitRequest();
  const { setValue } = form;
  const goals = useGoals();
  // Current goals are offered; a draft's goal retired since stays shown until changed (the server refuses it on save).
  const goalOptions = (goals.data?.items ?? []).filter((g) => g.active || g.id === draft?.goal?.id).map((g) => ({ value: g.id, label: g.title }));

  useEffect(() => {
    if (!draft) return;
    for (const key of ['title', 'problem', 'audience', 'desiredOutcome', 'proposedSolution', 'urgency'] as const) setValue(key, draft[key]);
    setValue('audienceSize', draft.audienceSize ?? '');
    setValue('goalId', draft.goal?.id ?? null);
  }, [draft, setValue]);

  const input = () => ({ ...form.values, audienceSize: form.values.audienceSize === '' ? null : Number(form.values.audienceSize), goalId: form.values.goalId });
  /** Saves the draft (a new one first time); the typed text stays in the form whatever happens. */
  const saveDraft = async (): Promise<Request | null> => {
    const valid = form.validate(requestDraftInput, input());
    if (!valid) return null;
    try {
      return draft ? await save.mutateAsync({ ...valid, revision: draft.revision }) : await create.mutateAsync(valid);
    } catch (error) {
      form.applyProblem(error);
      return null;
    }
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saveDraft();
    if (!saved) return;
    notifications.show({ color: 'teal', title: 'Draft saved', message: `${saved.reference} waits for you under My requests.` });
    if (!draft) navigate(`/requests/${saved.id}/edit`, { replace: true });
  };

  const onSend = async () => {
    if (!form.validate(submittableRequest, input())) return;
    const saved = await saveDraft();
    if (!saved) return;
    submit.mutate(
      { id: saved.id, revision: saved.revision },
      {
        onSuccess: (sent) => {
          notifications.show({ color: 'teal', title: `${sent.reference} sent`, message: 'A consultant will own it and talk with you about the causes first.' });
          navigate(`/requests/${sent.id}`);
        },
        onError: (error) => form.applyProblem(error),
      },
    );
  };

  const error = create.error ?? save.error ?? submit.error;
  return (
    <>
      <PageHeader
        above={<Anchor to="/requests/mine">← My requests</Anchor>}
        title={draft ? `Draft ${draft.reference}` : 'Ask the training unit for help'}
        description="Describe the performance problem in your words. A consultant looks at its causes with you before anyone talks about a course."
      />
      <Card withBorder radius="md" padding="lg" maw={760}>
        <form onSubmit={onSave} noValidate ref={form.formRef} aria-label="Training request">
          <Stack gap="md">
            {error && <ErrorAlert error={error} formFields={Object.keys(empty)} title="Not saved" />}
            <TextInput label="Title" description="A few words, e.g. “Customer service training for the call team”." maxLength={200} required {...form.textProps('title')} />
            <Textarea label="The performance problem" description="What happens now that should not? Examples help." autosize minRows={4} {...form.textProps('problem')} />
            <Group grow align="flex-start">
              <TextInput label="Who is affected" description="The team, role or group." {...form.textProps('audience')} />
              <NumberInput
                label="How many people"
                min={1}
                allowDecimal={false}
                name="audienceSize"
                value={form.values.audienceSize}
                onChange={(v) => form.setValue('audienceSize', v)}
                error={form.errors.audienceSize}
              />
            </Group>
            <Textarea label="The outcome you need" description="What will be different when this is solved?" autosize minRows={3} {...form.textProps('desiredOutcome')} />
            <Textarea label="The solution you have in mind (if any)" description="A course, a tool, anything — we will weigh it with the causes." autosize minRows={2} {...form.textProps('proposedSolution')} />
            <Select
              label="Urgency"
              data={requestUrgencies.map((u) => ({ value: u, label: urgencyLabels[u] }))}
              value={form.values.urgency}
              onChange={(v) => v && form.setValue('urgency', v as RequestUrgency)}
              error={form.errors.urgency}
              allowDeselect={false}
            />
            <Select
              label="The strategic goal it serves"
              description="From the organization’s goals; leave empty if none fits."
              placeholder={goalOptions.length ? 'Choose a goal' : 'No strategic goals kept yet'}
              data={goalOptions}
              value={form.values.goalId}
              onChange={(v) => form.setValue('goalId', v)}
              error={form.errors.goalId}
              clearable
              searchable
              nothingFoundMessage="No goal matches"
            />
            <Group>
              <Button type="submit" variant="default" loading={create.isPending || save.isPending}>
                Save draft
              </Button>
              <Button type="button" onClick={() => void onSend()} loading={submit.isPending}>
                Send to the training unit
              </Button>
            </Group>
            <Text size="sm" c="gray.7">
              A draft is yours alone until you send it. After that you always see who owns it and where it stands.
            </Text>
          </Stack>
        </form>
      </Card>
    </>
  );
}

function Anchor({ to, children }: { to: string; children: React.ReactNode }) {
  return (
    <Text component={Link} to={to} size="sm" c="blue.8">
      {children}
    </Text>
  );
}
