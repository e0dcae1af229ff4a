import { Button, Card, Group, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { supportOptions } from '../support-values';
import { supportOptionText } from '../support-options';
import { decideSupportCaseInput } from '../support-schemas';
import { useDecideCase, type SupportCase } from './support-api';

/**
 * The decision (AF-5): six options as cards, none chosen in advance — more training is never the
 * default — and a written reason that learner and supervisor receive by mail.
 */
export function DecideForm({ c }: { c: SupportCase }) {
  const decide = useDecideCase(c.id);
  const form = useZodForm({ option: '', reason: '' });
  const again = c.decision !== null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(decideSupportCaseInput, { option: form.values.option || undefined, reason: form.values.reason });
    if (!input) return;
    decide.mutate(input, {
      onSuccess: () => {
        form.reset({ option: '', reason: '' });
        notifications.show({ color: 'teal', title: 'Decision sent', message: `${c.learner.name}${c.supervisor ? ` and ${c.supervisor.name}` : ''} get it by e-mail.` });
      },
      onError: (error) => form.applyProblem(error),
    });
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="decide-heading">
      <Title order={2} size="h4" mb="xs" id="decide-heading">
        {again ? 'Change the decision' : 'Decide what will help'}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        The option and your reason are mailed to {c.learner.name}
        {c.supervisor ? ` and ${c.supervisor.name}` : ''}.
      </Text>
      <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Decide what will help">
        <Stack gap="sm">
          {decide.error && <ErrorAlert error={decide.error} formFields={['option', 'reason']} title="Not decided" />}
          <Radio.Group name="option" label="Option" value={form.values.option} onChange={(value) => form.setValue('option', value)} error={form.errors.option} required>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 1, lg: 2 }} spacing="xs" mt="xs">
              {supportOptions.map((option) => (
                <Radio.Card key={option} value={option} radius="md" p="sm" aria-label={supportOptionText[option].label} style={{ height: '100%' }}>
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator aria-hidden />
                    <div>
                      <Text size="sm" fw={600}>
                        {supportOptionText[option].label}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {supportOptionText[option].description}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
          <Textarea label="Reason" description="In plain words: why this helps, or why more training would not." autosize minRows={3} maxRows={10} required {...form.textProps('reason')} />
          <Group>
            <Button type="submit" loading={decide.isPending}>
              {again ? 'Send the new decision' : 'Send the decision'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
