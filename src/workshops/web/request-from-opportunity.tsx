import { Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { PersonSelect } from '../../people/web/person-select';
import { requestUrgencies, urgencyLabels } from '../../requests/request-values';
import { requestFromOpportunityInput } from '../workshop-schemas';
import { useRequestFromOpportunity, type WorkshopView } from './workshops-api';

type Opportunity = WorkshopView['opportunities'][number];

/**
 * CX-4: turn one opportunity into a request for the business unit, in one action. The request
 * takes the workshop's findings as its problem and outcome; the form asks only what the workshop
 * does not know: who owns it and whom it affects.
 */
export function RequestFromOpportunity({ workshop, opportunity, onDone }: { workshop: WorkshopView; opportunity: Opportunity; onDone: () => void }) {
  const turn = useRequestFromOpportunity(workshop.id, opportunity.id);
  const first = workshop.participants[0];
  const form = useZodForm({ requesterId: (first?.person.id ?? null) as string | null, requesterName: first?.person.name ?? '', audience: '', audienceSize: '' as number | string, urgency: 'when_possible' as string });
  const submit = () => {
    const input = form.validate(requestFromOpportunityInput, { requesterId: form.values.requesterId ?? '', audience: form.values.audience, audienceSize: form.values.audienceSize === '' ? undefined : Number(form.values.audienceSize), urgency: form.values.urgency });
    if (input) turn.mutate(input, { onSuccess: onDone, onError: (e) => void form.applyProblem(e) });
  };
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="request-from-opportunity">
      <Title order={3} size="h5" id="request-from-opportunity" mb={4}>
        Make a request of: {opportunity.description}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        The request is submitted at once and diagnosed like any other; what the workshop found at this moment becomes its problem and outcome.
      </Text>
      <form
        ref={form.formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <PersonSelect label="Who owns the request" description="Someone of the business unit: they read it and answer the recommendation." placeholder="Choose a person" value={form.values.requesterId} initialLabel={form.values.requesterName} error={form.errors.requesterId} onChange={(id) => form.setValue('requesterId', id)} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label="Who is affected" required maxLength={2000} placeholder="e.g. The billing call team" {...form.textProps('audience')} />
            <NumberInput label="How many people" required min={1} max={1_000_000} allowDecimal={false} value={form.values.audienceSize} error={form.errors.audienceSize} onChange={(v) => form.setValue('audienceSize', v)} />
            <Select label="How urgent" data={requestUrgencies.map((u) => ({ value: u, label: urgencyLabels[u] }))} value={form.values.urgency} allowDeselect={false} onChange={(v) => form.setValue('urgency', v ?? 'when_possible')} />
          </Group>
          {turn.error != null && Object.keys(form.errors).length === 0 && <ErrorAlert error={turn.error} title="The request was not made" />}
          <Group>
            <Button type="submit" loading={turn.isPending}>
              Submit the request
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
