import { Alert, Anchor, Box, Breadcrumbs, Button, Card, Checkbox, Group, Modal, MultiSelect, NumberInput, Select, Skeleton, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { useWarnBeforeLeaving } from '../../app/web/hooks/use-warn-before-leaving';
import { accessibilityLevels, packageFormats, partnerKindLabels, partnerKinds, standardDraftInput, type StandardDraftInput } from '../standard-content';
import { checkSubjectLabels, checkSubjectTypes, standardKindInfo } from '../standard-kinds';
import { fieldErrorsOf, isNotFound, usePublishStandard, useSaveStandardDraft, useStandardDraft, useStandardVersion } from './standards-api';
import { kindOf } from './standard-page';

type Content = StandardDraftInput['content'];
type Errors = Record<string, string>;

const subjectOptions = checkSubjectTypes.map((t) => ({ value: t, label: checkSubjectLabels[t] }));

function clientErrors(input: StandardDraftInput): Errors {
  const result = standardDraftInput.safeParse(input);
  if (result.success) return {};
  const errors: Errors = {};
  for (const issue of result.error.issues) errors[issue.path.map(String).join('.')] ??= issue.message;
  return errors;
}

/** A list of entries with add and remove, each rendered by the caller. */
function Entries<T>({ label, items, onChange, blank, render, error }: { label: string; items: T[]; onChange: (next: T[]) => void; blank: () => T; render: (item: T, set: (next: T) => void, i: number) => React.ReactNode; error?: string }) {
  return (
    <Stack gap="sm">
      {items.map((item, i) => (
        <Card key={i} withBorder radius="md" padding="sm">
          <Stack gap="xs">
            {render(item, (next) => onChange(items.map((x, j) => (j === i ? next : x))), i)}
            <Group justify="flex-end">
              <Button variant="subtle" color="red" size="compact-sm" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}>
                Remove
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button variant="light" size="sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...items, blank()])}>
          Add {label.toLowerCase()}
        </Button>
      </Group>
    </Stack>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Box>
  );
}

/** ST-1: the unit lead writes the next version of a standard as a draft, then publishes it. */
export function StandardEditPage() {
  const params = useParams();
  const kind = kindOf(params.kind) ?? 'design-model';
  const name = standardKindInfo[kind].name;
  const draft = useStandardDraft(kind);
  const inForce = useStandardVersion(kind);
  const save = useSaveStandardDraft(kind);
  const publish = usePublishStandard(kind);
  const navigate = useNavigate();
  const [content, setContent] = useState<Content | null>(null);
  const [changeSummary, setChangeSummary] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [dirty, setDirty] = useState(false);
  const [publishing, setPublishing] = useState(false);
  useWarnBeforeLeaving(dirty);

  // Start from the draft, else from the version in force, else from an empty standard of the kind.
  useEffect(() => {
    if (content || draft.isPending || (inForce.isPending && isNotFound(draft.error))) return;
    const source = draft.data ?? inForce.data;
    if (source) {
      setContent(source.content);
      setChangeSummary(draft.data?.changeSummary ?? '');
      return;
    }
    const base = { summary: '', sections: [], checklist: [] };
    if (kind === 'design-model') setContent({ kind, ...base, stages: [] });
    else if (kind === 'style-guide') setContent({ kind, ...base, elearning: { accessibilityLevel: 'WCAG 2.2 AA', packageFormats: ['SCORM 2004'], maxPackageMb: 250, maxVideoMb: 100, maxImageKb: 500, captionsRequired: true } });
    else setContent({ kind, ...base });
  }, [content, draft.isPending, draft.data, draft.error, inForce.isPending, inForce.data, kind]);

  const breadcrumb = (
    <Breadcrumbs separator="›" aria-label="Breadcrumb">
      <Anchor component={Link} to="/standards" size="sm">
        Standards
      </Anchor>
      <Anchor component={Link} to={`/standards/${kind}`} size="sm">
        {name}
      </Anchor>
    </Breadcrumbs>
  );
  if (!content) {
    return (
      <>
        <PageHeader above={breadcrumb} title={`Edit the ${name.toLowerCase()}`} />
        <Skeleton height={400} radius="md" role="status" aria-label="Loading the draft" />
      </>
    );
  }

  const update = (next: Content) => {
    setContent(next);
    setDirty(true);
  };
  const err = (path: string) => errors[`content.${path}`];

  const onSave = async (): Promise<boolean> => {
    const input = { content, changeSummary };
    const local = clientErrors(input);
    setErrors(local);
    if (Object.keys(local).length > 0) return false;
    try {
      const saved = await save.mutateAsync(input);
      setContent(saved.content);
      setDirty(false);
      return true;
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      return false;
    }
  };

  const onPublish = async () => {
    if (dirty && !(await onSave())) {
      setPublishing(false);
      return;
    }
    try {
      const published = await publish.mutateAsync(changeSummary);
      setPublishing(false);
      navigate(`/standards/${kind}/versions/${published.version}`);
    } catch {
      // The error shows in the modal.
    }
  };

  return (
    <>
      <PageHeader
        above={breadcrumb}
        title={`Edit the ${name.toLowerCase()}`}
        description={draft.data ? `Draft of version ${draft.data.version}. Published versions never change: publishing makes this the version work is checked against.` : 'Saving starts a draft of the next version; the version in force stays as it is until you publish.'}
      />
      <form onSubmit={(e) => { e.preventDefault(); void onSave(); }} noValidate>
      <Stack gap="xl" maw={900}>
        {Object.keys(errors).length > 0 && (
          <Alert color="red" variant="light" title="The draft needs attention" role="alert">
            <Text size="sm">{Object.keys(errors).length === 1 ? 'One field needs' : `${Object.keys(errors).length} fields need`} attention; each is marked below.</Text>
          </Alert>
        )}
        <Textarea label="Summary" description="What the standard is for, in a sentence or two." autosize minRows={2} value={content.summary} onChange={(e) => update({ ...content, summary: e.currentTarget.value })} error={err('summary')} required />

        {content.kind === 'design-model' && (
          <Part id="edit-stages" title="Stages">
            <Entries
              label="Stage"
              items={content.stages}
              error={err('stages')}
              onChange={(stages) => update({ ...content, stages })}
              blank={() => ({ name: '', purpose: '', deliverables: [], smeTaskAnalysis: false, requiredSignOffs: [] })}
              render={(stage, set, i) => (
                <>
                  <TextInput label={`Stage ${i + 1} name`} value={stage.name} onChange={(e) => set({ ...stage, name: e.currentTarget.value })} error={err(`stages.${i}.name`)} required />
                  <Textarea label="Purpose" autosize minRows={2} value={stage.purpose} onChange={(e) => set({ ...stage, purpose: e.currentTarget.value })} error={err(`stages.${i}.purpose`)} required />
                  <Textarea
                    label="Deliverables"
                    description="One per line."
                    autosize
                    minRows={2}
                    value={stage.deliverables.join('\n')}
                    onChange={(e) => set({ ...stage, deliverables: e.currentTarget.value.split('\n') })}
                    onBlur={() => set({ ...stage, deliverables: stage.deliverables.map((d) => d.trim()).filter(Boolean) })}
                    error={err(`stages.${i}.deliverables`) ?? Object.entries(errors).find(([k]) => k.startsWith(`content.stages.${i}.deliverables.`))?.[1]}
                  />
                  <Switch label="Subject-matter experts help with task analysis in this stage" checked={stage.smeTaskAnalysis} onChange={(e) => set({ ...stage, smeTaskAnalysis: e.currentTarget.checked })} />
                  <Checkbox.Group label="Sign-offs required to close the stage" value={stage.requiredSignOffs} onChange={(v) => set({ ...stage, requiredSignOffs: v as typeof stage.requiredSignOffs })}>
                    <Group mt={4}>
                      {partnerKinds.map((k) => (
                        <Checkbox key={k} value={k} label={partnerKindLabels[k]} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                </>
              )}
            />
          </Part>
        )}

        <Part id="edit-sections" title="Sections">
          <Entries
            label="Section"
            items={content.sections}
            error={err('sections')}
            onChange={(sections) => update({ ...content, sections })}
            blank={() => ({ heading: '', body: '' })}
            render={(section, set, i) => (
              <>
                <TextInput label={`Section ${i + 1} heading`} value={section.heading} onChange={(e) => set({ ...section, heading: e.currentTarget.value })} error={err(`sections.${i}.heading`)} required />
                <Textarea label="Text" autosize minRows={3} value={section.body} onChange={(e) => set({ ...section, body: e.currentTarget.value })} error={err(`sections.${i}.body`)} required />
              </>
            )}
          />
        </Part>

        {content.kind === 'style-guide' && (
          <Part id="edit-elearning" title="E-learning technical requirements">
            <Stack gap="sm" maw={520}>
              <Select label="Accessibility level" data={[...accessibilityLevels]} value={content.elearning.accessibilityLevel} allowDeselect={false} onChange={(v) => v && update({ ...content, elearning: { ...content.elearning, accessibilityLevel: v as (typeof accessibilityLevels)[number] } })} error={err('elearning.accessibilityLevel')} />
              <MultiSelect label="Package formats accepted" data={[...packageFormats]} value={content.elearning.packageFormats} onChange={(v) => update({ ...content, elearning: { ...content.elearning, packageFormats: v as (typeof packageFormats)[number][] } })} error={err('elearning.packageFormats')} />
              {(
                [
                  ['maxPackageMb', 'Largest package (MB)'],
                  ['maxVideoMb', 'Largest video (MB)'],
                  ['maxImageKb', 'Largest image (KB)'],
                ] as const
              ).map(([field, label]) => (
                <NumberInput key={field} label={label} min={1} allowDecimal={false} value={content.elearning[field]} onChange={(v) => update({ ...content, elearning: { ...content.elearning, [field]: typeof v === 'number' ? v : Number.NaN } })} error={err(`elearning.${field}`)} />
              ))}
              <Switch label="Captions required on every video" checked={content.elearning.captionsRequired} onChange={(e) => update({ ...content, elearning: { ...content.elearning, captionsRequired: e.currentTarget.checked } })} />
            </Stack>
          </Part>
        )}

        <Part id="edit-checklist" title="Checklist">
          <Entries
            label="Checklist item"
            items={content.checklist}
            error={err('checklist')}
            onChange={(checklist) => update({ ...content, checklist })}
            blank={() => ({ text: '', appliesTo: ['course' as const] })}
            render={(item, set, i) => (
              <>
                <TextInput label={`Item ${i + 1}`} value={item.text} onChange={(e) => set({ ...item, text: e.currentTarget.value })} error={err(`checklist.${i}.text`)} required />
                <Checkbox.Group label="Checked on" value={item.appliesTo} onChange={(v) => set({ ...item, appliesTo: v as typeof item.appliesTo })} error={err(`checklist.${i}.appliesTo`)}>
                  <Group mt={4}>
                    {subjectOptions.map((o) => (
                      <Checkbox key={o.value} value={o.value} label={o.label} />
                    ))}
                  </Group>
                </Checkbox.Group>
              </>
            )}
          />
        </Part>

        <Textarea label="What changed" description="Shown with the version, so readers know what is new." autosize minRows={2} value={changeSummary} onChange={(e) => { setChangeSummary(e.currentTarget.value); setDirty(true); }} error={errors.changeSummary} />
        {save.isError && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} title="The draft was not saved" />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save draft
          </Button>
          <Button variant="light" onClick={() => setPublishing(true)} disabled={!draft.data && !dirty}>
            Publish…
          </Button>
          {save.isSuccess && !dirty && (
            <Text size="sm" c="teal.9" role="status">
              Draft saved.
            </Text>
          )}
        </Group>
      </Stack>
      </form>
      <Modal opened={publishing} onClose={() => setPublishing(false)} title={`Publish the ${name.toLowerCase()}?`}>
        <Stack>
          <Text size="sm">From now on, work is checked against this version. The version in force now is kept, unchanged, with everything checked against it.</Text>
          {publish.isError && <ErrorAlert error={publish.error} title="Not published" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPublishing(false)}>
              Cancel
            </Button>
            <Button onClick={() => void onPublish()} loading={publish.isPending || save.isPending}>
              Publish
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
