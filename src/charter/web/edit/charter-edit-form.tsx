import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useWarnBeforeLeaving } from '../../../app/web/hooks/use-warn-before-leaving';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../app/web/components/error-alert';
import type { CharterDraft } from '../../charter-schema';
import { CalendarFields } from './calendar-fields';
import { usePublishDraft, useSaveDraft } from './charter-edit-api';
import { ContentFields } from './content-fields';
import { ErrorSummary } from './error-summary';
import { PublishModal } from './publish-modal';
import { ServiceLevelFields } from './service-level-fields';
import { useDraftForm } from './use-draft-form';

export type EditOrigin = 'draft' | 'in-force' | 'blank';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function originText(origin: EditOrigin, version: number | undefined): string {
  if (origin === 'draft') return 'You are editing the unpublished draft.';
  if (origin === 'in-force') return `Starting from version ${version ?? ''} in force; saving makes a draft, and nothing changes for readers until you publish.`;
  return 'No charter yet: write the first one, save it as a draft, then publish it.';
}

export function CharterEditForm({ initial, origin, version }: { initial: CharterDraft; origin: EditOrigin; version?: number }) {
  const form = useDraftForm(initial);
  const save = useSaveDraft();
  const publish = usePublishDraft();
  const navigate = useNavigate();
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [checkedOnce, setCheckedOnce] = useState(false);
  // What the server last holds, to tell whether closing the tab would lose work.
  const [savedSnapshot, setSavedSnapshot] = useState(() => JSON.stringify(initial));
  const dirty = JSON.stringify(form.values) !== savedSnapshot && !publish.isSuccess;
  useWarnBeforeLeaving(dirty);

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    setCheckedOnce(true);
    const draft = form.validate();
    if (!draft) return;
    const sent = JSON.stringify(form.values);
    save.mutate(draft, {
      onSuccess: () => {
        setSavedAt(new Date());
        setSavedSnapshot(sent);
      },
      onError: (error) => form.applyProblem(error),
    });
  };

  const onPublish = () => {
    setCheckedOnce(true);
    if (form.validate()) setConfirming(true);
  };

  const onConfirm = () => {
    const draft = form.validate();
    if (!draft) return setConfirming(false);
    publish.mutate(draft, {
      onSuccess: (version) => navigate(`/charter/versions/${version.version}`),
      onError: (error) => {
        setConfirming(false);
        form.applyProblem(error);
      },
    });
  };

  const failure = save.error ?? publish.error;
  const hasFieldErrors = Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={onSave} noValidate ref={form.formRef} aria-label="Edit the charter">
      <Stack gap="lg">
        <Text size="sm" c="gray.8">
          {originText(origin, version)}
        </Text>
        {checkedOnce && <ErrorSummary errors={form.errors} values={form.values} title="Not saved yet" />}
        {failure && !hasFieldErrors && <ErrorAlert error={failure} title={publish.error ? 'Not published' : 'Not saved'} />}

        <Section id="edit-content" title="The charter's words">
          <ContentFields form={form} />
        </Section>
        <Section id="edit-service-levels" title="Service levels">
          <ServiceLevelFields form={form} />
        </Section>
        <Section id="edit-calendar" title="Working hours and holidays">
          <CalendarFields form={form} />
        </Section>
        <Section id="edit-publish" title="Save and publish">
          <Stack gap="sm">
            <Textarea
              label="Summary of changes"
              description="Readers see it in the version history, above the list of what changed."
              autosize
              minRows={2}
              {...form.text('changeSummary')}
            />
            <Group justify="space-between" align="center">
              <Text size="sm" c="gray.8" role="status" aria-live="polite">
                {dirty
                  ? `Unsaved changes${savedAt ? ` since the draft was saved at ${time.format(savedAt)}` : ''}.`
                  : savedAt
                    ? `Draft saved at ${time.format(savedAt)}.`
                    : origin === 'draft'
                      ? 'Draft not changed since you opened it.'
                      : 'Not saved yet.'}
              </Text>
              <Group gap="sm">
                <Button type="submit" variant="default" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
                  Save draft
                </Button>
                <Button onClick={onPublish} disabled={save.isPending} leftSection={<IconSend size={16} aria-hidden />}>
                  Publish…
                </Button>
              </Group>
            </Group>
          </Stack>
        </Section>
      </Stack>
      <PublishModal opened={confirming} summary={form.values.changeSummary ?? ''} publishing={publish.isPending} onClose={() => setConfirming(false)} onConfirm={onConfirm} />
    </form>
  );
}
