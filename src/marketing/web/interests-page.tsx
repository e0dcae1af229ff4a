import { Alert, Button, Card, Chip, Grid, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconMailOff } from '@tabler/icons-react';
import { useEffect, useRef, type FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { formatDate } from '../../app/web/format';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { digestPreferencesInput } from '../marketing-schemas';
import type { DigestFrequency } from '../marketing-values';
import { DigestPreview } from './digest-preview';
import { useDigestPreferences, useDigestPreview, useInterests, useSaveDigestPreferences, type DigestPreferencesView } from './marketing-api';

type Values = { interestIds: string[]; frequency: DigestFrequency };
const empty: Values = { interestIds: [], frequency: 'monthly' };

function statusLine(saved: DigestPreferencesView): string {
  if (saved.subscribed) {
    const next = saved.nextDigestOn ? ` The next one is due on ${formatDate(`${saved.nextDigestOn}T12:00:00Z`)}, if something matches.` : '';
    return `The ${saved.frequency} digest is on.${next}`;
  }
  return saved.stoppedAt ? `The digest is stopped (since ${formatDate(saved.stoppedAt)}).` : 'You do not receive the digest.';
}

/**
 * "My interests" (CA-6): a person opts in to a digest of new and upcoming offerings on the interests
 * they choose, weekly or monthly, and can stop it here or from any digest. Nothing is on by default.
 */
export function InterestsPage() {
  const saved = useDigestPreferences();
  const interests = useInterests();
  const save = useSaveDigestPreferences();
  const form = useZodForm<Values>(empty);
  const loaded = useRef(false);

  const { reset } = form;
  useEffect(() => {
    if (!saved.data || loaded.current) return;
    loaded.current = true;
    reset({ interestIds: saved.data.interestIds, frequency: saved.data.frequency });
  }, [saved.data, reset]);

  const [debounced] = useDebouncedValue(form.values, 300);
  const preview = useDigestPreview(debounced.frequency, debounced.interestIds, loaded.current && debounced.interestIds.length > 0);

  if (saved.isLoading || interests.isLoading) return <FullPageLoader label="Loading your interests" />;
  if (saved.error || interests.error) return <ErrorAlert error={saved.error ?? interests.error} />;
  const current = saved.data!;

  const submit = (subscribed: boolean) => {
    const input = form.validate(digestPreferencesInput, { subscribed, ...form.values });
    if (!input) return;
    save.mutate(input, {
      onSuccess: (result) => {
        notifications.show({
          color: 'teal',
          title: result.subscribed ? (current.subscribed ? 'Changes saved' : 'Digest started') : 'Digest stopped',
          message: result.subscribed ? `Your ${result.frequency} digest will list what matches your interests.` : 'You will not receive the digest. Your interests are kept for when you want it again.',
        });
      },
      onError: (error) => form.applyProblem(error),
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(true);
  };

  return (
    <>
      <PageHeader
        title="My interests"
        description="Choose what you would like to hear about, and Stride sends you a short digest of new courses and upcoming sessions that match. Nothing is switched on for you: the digest comes only if you ask for it."
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder radius="md" padding="lg">
            <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="My interests and the digest">
              <Stack gap="lg">
                {save.error && <ErrorAlert error={save.error} formFields={Object.keys(empty)} title="Not saved" />}
                <Alert color={current.subscribed ? 'teal' : 'gray'} variant="light" icon={current.subscribed ? <IconCircleCheck aria-hidden /> : <IconMailOff aria-hidden />} role="status">
                  {statusLine(current)}
                </Alert>
                <fieldset style={{ border: 'none', padding: 0, margin: 0 }} aria-describedby={form.errors.interestIds ? 'interests-error' : undefined}>
                  <Title order={2} size="h5" component="legend" mb={4}>
                    Interests
                  </Title>
                  <Text size="sm" c="gray.7" mb="sm">
                    The digest lists only courses filed under the interests you choose.
                  </Text>
                  <Chip.Group multiple value={form.values.interestIds} onChange={(ids) => form.setValue('interestIds', ids)}>
                    <Group gap="xs">
                      {(interests.data ?? []).map((interest) => (
                        <Chip key={interest.id} value={interest.id} variant="outline" title={interest.description || undefined}>
                          {interest.name}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  {form.errors.interestIds && (
                    <Text id="interests-error" c="red.8" size="sm" mt="xs" role="alert">
                      {form.errors.interestIds}
                    </Text>
                  )}
                </fieldset>
                <Radio.Group label="How often" value={form.values.frequency} onChange={(v) => form.setValue('frequency', v as DigestFrequency)} error={form.errors.frequency}>
                  <Stack gap="xs" mt="xs">
                    <Radio value="monthly" label="Monthly" description="On the first day of each month." />
                    <Radio value="weekly" label="Weekly" description="Every seven days." />
                  </Stack>
                </Radio.Group>
                <Group>
                  <Button type="submit" loading={save.isPending && save.variables?.subscribed === true}>
                    {current.subscribed ? 'Save changes' : 'Start the digest'}
                  </Button>
                  {current.subscribed && (
                    <Button variant="outline" color="red" onClick={() => submit(false)} loading={save.isPending && save.variables?.subscribed === false}>
                      Stop the digest
                    </Button>
                  )}
                </Group>
                <Text size="sm" c="gray.7">
                  Every digest has a one-click unsubscribe link that works without signing in.
                </Text>
              </Stack>
            </form>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <DigestPreview preview={preview.data} loading={preview.isFetching} hasInterests={form.values.interestIds.length > 0} />
        </Grid.Col>
      </Grid>
    </>
  );
}
