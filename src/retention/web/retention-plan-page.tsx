import { Alert, Anchor, Box, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { useWarnBeforeLeaving } from '../../app/web/hooks/use-warn-before-leaving';
import { ReloadedNotice, StaleAlert } from '../../catalog/web/conflict-alerts';
import { updatePlanInput } from '../retention-schemas';
import { ActionRowFields } from './action-row';
import { CheckInsSection } from './check-ins-section';
import { draftOf, inputOf, isDirty, newKey, type ActionRow, type Draft } from './plan-draft';
import { formatDay, useClosePlan, usePlan, useSavePlan, type PlanView } from './retention-api';

const isStale = (error: unknown) => isApiProblem(error) && error.status === 409 && error.errors.some((e) => e.field === 'revision');

/** The supervisor's confirmation that the objectives are applied: it closes the plan and mails the learner. */
function ConfirmAppliedModal({ plan, opened, onClose, dirty }: { plan: PlanView; opened: boolean; onClose: () => void; dirty: boolean }) {
  const close = useClosePlan(plan.id);
  const [note, setNote] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title="Confirm the objectives are applied">
      <Stack gap="sm">
        <Text size="sm">
          You confirm that {plan.learner.name} applies the objectives of {plan.course.title} on the job. The plan closes and can no longer be changed; {plan.learner.name} gets a mail.
        </Text>
        {dirty && (
          <Alert color="orange" variant="light" title="Unsaved changes">
            Save your changes first, or they are lost when the plan closes.
          </Alert>
        )}
        <Textarea label="A note for the learner (optional)" value={note} maxLength={2000} autosize minRows={2} onChange={(e) => setNote(e.currentTarget.value)} />
        {close.error && <ErrorAlert error={close.error} title="The plan was not closed" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Not yet
          </Button>
          <Button loading={close.isPending} leftSection={<IconCheck size={16} aria-hidden />} onClick={() => close.mutate({ revision: plan.revision, note: note.trim() || null }, { onSuccess: onClose })}>
            Confirm objectives applied
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PlanEditor({ plan, reload }: { plan: PlanView; reload: () => Promise<PlanView | undefined> }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(plan));
  const [revision, setRevision] = useState(plan.revision);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [aside, setAside] = useState<Draft | null>(null);
  const [reloading, setReloading] = useState(false);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const save = useSavePlan(plan.id);
  const readOnly = !plan.mayEdit;
  const dirty = isDirty(draft, plan) || revision !== plan.revision;
  useWarnBeforeLeaving(dirty && !readOnly);

  const setActions = (actions: ActionRow[]) => {
    setDraft((d) => ({ ...d, actions }));
    setSaved(false);
  };
  const patchAction = (key: string, patch: Partial<ActionRow>) => setActions(draft.actions.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  const addAction = (objectiveId: string | null) => setActions([...draft.actions, { key: newKey(), objectiveId, kind: objectiveId ? 'practice' : 'coaching', description: '', owner: 'learner', dueOn: '', done: false }]);

  const onSave = () => {
    // The same schema the server checks with: a missing description is marked before any request.
    const checked = updatePlanInput.safeParse(inputOf(draft, revision));
    if (!checked.success) {
      setErrors(Object.fromEntries(checked.error.issues.map((i) => [i.path.map(String).join('.'), i.message])));
      return;
    }
    setErrors({});
    save.mutate(checked.data, {
      onSuccess: (next) => {
        setDraft(draftOf(next));
        setRevision(next.revision);
        setAside(null);
        setSaved(true);
      },
      onError: (error) => {
        if (isApiProblem(error) && error.status === 400) setErrors(Object.fromEntries(error.errors.map((e) => [e.field.replace(/^body\./, ''), e.message])));
      },
    });
  };

  const loadLatest = async () => {
    setReloading(true);
    const typed = draft;
    const latest = await reload();
    setReloading(false);
    if (!latest) return;
    setAside(typed);
    setDraft(draftOf(latest));
    setRevision(latest.revision);
    save.reset();
  };

  const sections = [
    ...plan.objectives.map((o, i) => ({ id: o.id, title: `Objective ${i + 1}: ${o.text}`, objectiveId: o.id as string | null })),
    { id: 'other', title: 'For the plan as a whole', objectiveId: null },
  ];

  return (
    <Stack gap="lg">
      {saved && !dirty && (
        <Alert color="green" variant="light" role="status" title="Saved">
          The plan is saved (revision {revision}).
        </Alert>
      )}
      {save.error && isStale(save.error) ? (
        <StaleAlert error={save.error} what="plan" onLoadLatest={() => void loadLatest()} loading={reloading} />
      ) : save.error && !(isApiProblem(save.error) && save.error.status === 400 && save.error.errors.length) ? (
        <ErrorAlert error={save.error} title="The plan was not saved" />
      ) : save.error ? (
        <Alert color="red" variant="light" role="alert" title="The plan was not saved">
          {describeError(save.error)} The fields that need attention are marked.
        </Alert>
      ) : null}
      {aside && (
        <ReloadedNotice
          title="The latest plan is loaded"
          onPutBack={() => {
            setDraft(aside);
            setAside(null);
          }}
        />
      )}
      {sections.map((section) => {
        const rows = draft.actions.map((a, index) => ({ a, index })).filter(({ a }) => a.objectiveId === section.objectiveId);
        if (section.objectiveId === null && rows.length === 0 && readOnly) return null;
        const sectionError = section.objectiveId ? errors[`objectives.${section.objectiveId}`] : undefined;
        return (
          <Box key={section.id} component="section" aria-labelledby={`section-${section.id}`}>
            <Title order={2} size="h4" id={`section-${section.id}`} mb="xs">
              {section.title}
            </Title>
            {sectionError && (
              <Text c="red.9" size="sm" role="alert" mb="xs">
                {sectionError}
              </Text>
            )}
            <Stack gap="xs">
              {rows.map(({ a, index }, n) => (
                <ActionRowFields
                  key={a.key}
                  row={a}
                  index={index}
                  name={section.objectiveId ? `Action ${n + 1} for objective ${sections.indexOf(section) + 1}` : `Action ${n + 1} for the whole plan`}
                  errors={errors}
                  readOnly={readOnly}
                  onChange={(patch) => patchAction(a.key, patch)}
                  onRemove={() => setActions(draft.actions.filter((x) => x.key !== a.key))}
                />
              ))}
              {rows.length === 0 && <Text size="sm">No action here.</Text>}
              {!readOnly && (
                <Group>
                  <Button variant="default" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => addAction(section.objectiveId)} aria-label={section.objectiveId ? `Add an action for objective ${sections.indexOf(section) + 1}` : 'Add an action for the whole plan'}>
                    Add an action
                  </Button>
                </Group>
              )}
            </Stack>
          </Box>
        );
      })}
      <CheckInsSection
        rows={draft.checkIns}
        today={plan.today}
        errors={errors}
        readOnly={readOnly}
        onChange={(checkIns) => {
          setDraft((d) => ({ ...d, checkIns }));
          setSaved(false);
        }}
      />
      {!readOnly && (
        <Group justify="space-between" wrap="wrap">
          <Button onClick={onSave} loading={save.isPending} disabled={!dirty}>
            Save the plan
          </Button>
          {plan.mayClose && (
            <Button variant="outline" color="green.9" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setConfirming(true)}>
              Confirm objectives applied
            </Button>
          )}
        </Group>
      )}
      {plan.mayClose && <ConfirmAppliedModal plan={plan} opened={confirming} onClose={() => setConfirming(false)} dirty={dirty} />}
    </Stack>
  );
}

/** AF-6: one retention plan — the course objectives as sections with their actions, and the check-ins. */
export function RetentionPlanPage() {
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const p = plan.data;
  if (!p) return plan.error ? <ErrorAlert error={plan.error} title="This retention plan cannot be shown" /> : <FullPageLoader />;
  const closed = p.state === 'closed';
  return (
    <>
      <PageHeader
        title={`Retention plan: ${p.course.title}`}
        above={
          <Anchor component={Link} to="/retention-plans" size="sm">
            ‹ Retention plans
          </Anchor>
        }
        description={`${p.learner.name}${p.supervisor ? ` with ${p.supervisor.name}` : ''}. Last changed by ${p.updatedBy.name}, revision ${p.revision}.`}
        actions={
          <Button component={Link} to={`/retention-plans/${p.id}/print`} variant="default" leftSection={<IconPrinter size={16} aria-hidden />}>
            Print view
          </Button>
        }
      />
      {closed && (
        <Alert color="green" variant="light" title="Objectives applied" mb="lg">
          {p.closedBy?.name} confirmed the objectives are applied on {formatDay(p.closedAt?.slice(0, 10) ?? null)}.{p.closingNote ? ` “${p.closingNote}”` : ''}
        </Alert>
      )}
      <PlanEditor
        key={`${p.id}-${p.state}`}
        plan={p}
        reload={async () => (await plan.refetch()).data}
      />
    </>
  );
}
