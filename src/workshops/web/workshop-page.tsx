import { Alert, Anchor, Badge, Box, Button, Group, List, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconCheck, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { useWarnBeforeLeaving } from '../../app/web/hooks/use-warn-before-leaving';
import { ReloadedNotice, StaleAlert } from '../../catalog/web/conflict-alerts';
import { saveWorkshopInput } from '../workshop-schemas';
import { gapsOf } from '../workshop-steps';
import { workshopStepLabels, workshopSteps, type WorkshopStep } from '../workshop-values';
import { ActSection } from './act-section';
import { OpportunitiesSection, StoriesSection, WordsSection } from './harvest-section';
import { JourneyStrip } from './journey-strip';
import { AnalyseSection, MapSection } from './moments-section';
import { PrepareSection } from './prepare-section';
import { draftOf, inputOf, isDirty, type Draft } from './workshop-draft';
import { formatDay, scopeOf, useMoveWorkshop, useSaveWorkshop, useWorkshop, type WorkshopView } from './workshops-api';

const isStale = (error: unknown) => isApiProblem(error) && error.status === 409 && error.errors.some((e) => e.field === 'revision');
const fieldErrorsOf = (error: unknown) => (isApiProblem(error) && error.status === 400 ? Object.fromEntries(error.errors.map((e) => [e.field.replace(/^body\./, ''), e.message])) : {});
const guided = workshopSteps.filter((s) => s !== 'done');

function SectionTitle({ id, children }: { id: string; children: string }) {
  return (
    <Title order={2} size="h3" id={id} mb="xs">
      {children}
    </Title>
  );
}

function WorkshopEditor({ workshop, reload }: { workshop: WorkshopView; reload: () => Promise<WorkshopView | undefined> }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(workshop));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [viewing, setViewing] = useState<WorkshopStep>(workshop.step === 'done' ? 'act' : workshop.step);
  const [aside, setAside] = useState<Draft | null>(null);
  const [reloading, setReloading] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useSaveWorkshop(workshop.id);
  const move = useMoveWorkshop(workshop.id);
  const readOnly = !workshop.canEdit;
  const dirty = isDirty(draft, workshop);
  useWarnBeforeLeaving(dirty && !readOnly);

  const onChange = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };

  const onSave = () => {
    // The server's own schema first: an empty name is marked before any request.
    const checked = saveWorkshopInput.safeParse(inputOf(draft, workshop.revision));
    if (!checked.success) {
      setErrors(Object.fromEntries(checked.error.issues.map((i) => [i.path.map(String).join('.'), i.message])));
      return;
    }
    setErrors({});
    save.mutate(checked.data, {
      onSuccess: (next) => {
        setDraft(draftOf(next));
        setAside(null);
        setSaved(true);
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };

  const onMove = (step: WorkshopStep) => {
    move.mutate(
      { revision: workshop.revision, step },
      {
        onSuccess: (next) => {
          setErrors({});
          setViewing(next.step === 'done' ? 'act' : next.step);
        },
        onError: (error) => setErrors(fieldErrorsOf(error)),
      },
    );
  };

  const loadLatest = async () => {
    setReloading(true);
    const typed = draft;
    const latest = await reload();
    setReloading(false);
    if (!latest) return;
    setAside(typed);
    setDraft(draftOf(latest));
    save.reset();
  };

  const index = workshopSteps.indexOf(workshop.step);
  const next = workshopSteps[index + 1];
  const previous = index > 0 && workshop.step !== 'done' ? workshopSteps[index - 1] : undefined;
  const gaps = gapsOf(workshop.step, workshop);
  const sectionProps = { draft, errors, readOnly, onChange };
  const failure = save.error ?? move.error;

  return (
    <Stack gap="lg">
      <Stepper active={workshop.step === 'done' ? guided.length : index} onStepClick={(i) => setViewing(guided[i]!)} size="sm" aria-label="Steps of the workshop" allowNextStepsSelect>
        {guided.map((s) => (
          <Stepper.Step key={s} label={workshopStepLabels[s].title} description={s === viewing ? 'Shown below' : undefined} />
        ))}
      </Stepper>
      <JourneyStrip workshop={workshop} />
      {saved && !dirty && (
        <Alert color="green" variant="light" role="status" title="Saved">
          The workshop is saved (revision {workshop.revision}).
        </Alert>
      )}
      {save.error && isStale(save.error) ? (
        <StaleAlert error={save.error} what="workshop" onLoadLatest={() => void loadLatest()} loading={reloading} />
      ) : failure && !Object.keys(fieldErrorsOf(failure)).length ? (
        <ErrorAlert error={failure} title="That did not work" />
      ) : failure ? (
        <Alert color="red" variant="light" role="alert" title={move.error ? 'The workshop cannot move on yet' : 'The workshop was not saved'}>
          {describeError(failure)}
          <List size="sm" mt={4}>
            {Object.entries(fieldErrorsOf(failure)).map(([field, message]) => (
              <List.Item key={field}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {aside && (
        <ReloadedNotice
          title="The latest workshop is loaded"
          onPutBack={() => {
            setDraft(aside);
            setAside(null);
          }}
        />
      )}

      <Box component="section" aria-labelledby="step-heading">
        <SectionTitle id="step-heading">{`${workshopSteps.indexOf(viewing) + 1}. ${workshopStepLabels[viewing].title}`}</SectionTitle>
        <Text c="gray.7" mb="sm">
          {workshopStepLabels[viewing].job}
        </Text>
        {viewing === 'prepare' && <PrepareSection {...sectionProps} />}
        {viewing === 'map' && <MapSection {...sectionProps} />}
        {viewing === 'analyse' && <AnalyseSection {...sectionProps} />}
        {viewing === 'harvest' && (
          <Stack gap="lg">
            <Box component="section" aria-labelledby="opportunities-heading">
              <Title order={3} size="h4" id="opportunities-heading" mb="xs">
                Improvement opportunities
              </Title>
              <OpportunitiesSection {...sectionProps} />
            </Box>
            <Box component="section" aria-labelledby="stories-heading">
              <Title order={3} size="h4" id="stories-heading" mb="xs">
                Stories and anecdotes
              </Title>
              <StoriesSection {...sectionProps} />
            </Box>
            <Box component="section" aria-labelledby="words-heading">
              <Title order={3} size="h4" id="words-heading" mb="xs">
                The organization’s own words
              </Title>
              <WordsSection workshop={workshop} />
            </Box>
          </Stack>
        )}
        {viewing === 'act' && <ActSection workshop={workshop} />}
      </Box>

      {!readOnly && (
        <Stack gap="xs">
          {viewing === workshop.step && next && gaps.length > 0 && (
            <Alert color="blue" variant="light" title="Before the workshop moves on">
              <List size="sm">
                {gaps.map((g) => (
                  <List.Item key={g.field}>{g.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="space-between" wrap="wrap">
            <Button onClick={onSave} loading={save.isPending} disabled={!dirty}>
              Save the workshop
            </Button>
            <Group gap="xs">
              {previous && (
                <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} disabled={dirty} loading={move.isPending} onClick={() => onMove(previous)}>
                  Back to “{workshopStepLabels[previous].title}”
                </Button>
              )}
              {next && (
                <Button
                  variant={next === 'done' ? 'filled' : 'light'}
                  leftSection={next === 'done' ? <IconCheck size={16} aria-hidden /> : undefined}
                  rightSection={next === 'done' ? undefined : <IconArrowRight size={16} aria-hidden />}
                  disabled={dirty}
                  title={dirty ? 'Save your changes first' : undefined}
                  loading={move.isPending}
                  onClick={() => onMove(next)}
                >
                  {next === 'done' ? 'Finish the workshop' : `On to “${workshopStepLabels[next].title}”`}
                </Button>
              )}
            </Group>
          </Group>
          {dirty && (
            <Text size="sm" c="gray.7">
              Save your changes before moving the workshop to another step.
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** CX-1..4: one customer experience workshop, guided step by step. */
export function WorkshopPage() {
  const { id = '' } = useParams();
  const workshop = useWorkshop(id);
  const w = workshop.data;
  if (!w) return workshop.error ? <ErrorAlert error={workshop.error} title="This workshop cannot be shown" /> : <FullPageLoader />;
  return (
    <>
      <PageHeader
        title={w.title}
        above={
          <Anchor component={Link} to="/workshops" size="sm">
            ‹ Workshops
          </Anchor>
        }
        description={
          <>
            {scopeOf(w)} · {formatDay(w.heldOn)} · facilitated by {w.facilitator.name}.{' '}
            <Badge variant="light" color={w.step === 'done' ? 'green' : 'blue'} c={w.step === 'done' ? 'green.9' : 'blue.9'}>
              {w.step === 'done' ? 'Done' : `Step ${workshopSteps.indexOf(w.step) + 1}: ${workshopStepLabels[w.step].title}`}
            </Badge>
          </>
        }
        actions={
          <Button component={Link} to={`/workshops/${w.id}/report`} variant="default" leftSection={<IconPrinter size={16} aria-hidden />}>
            Workshop report
          </Button>
        }
      />
      <WorkshopEditor key={`${w.id}-${w.step}`} workshop={w} reload={async () => (await workshop.refetch()).data} />
    </>
  );
}
