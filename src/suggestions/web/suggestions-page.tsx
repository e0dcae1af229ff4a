import { Anchor, Button, Card, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { formatDate } from '../../app/web/format';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { submitSuggestionInput } from '../suggestion-schemas';
import { useSubmitSuggestion, useSuggestions, type SuggestionList } from './suggestions-api';
import { SuggestionStatusBadge } from './suggestion-status-badge';

const empty = { title: '', idea: '', benefit: '' };

/**
 * Service suggestions (FB-2): make one, follow mine, review my team's, and (leaders) decide what
 * was escalated. Tabs are in the URL (?view=).
 */
export function SuggestionsPage() {
  const actor = useActor();
  const [params, setParams] = useSearchParams();
  const leader = hasRole(actor, 'leader');
  const view = (['mine', 'to-review', 'leadership'].includes(params.get('view') ?? '') ? params.get('view') : 'mine') as SuggestionList;
  return (
    <Stack gap="lg">
      <PageHeader title="Service suggestions" description="Ideas from the people who serve customers every day. Your manager reviews each one and takes the good ones to leadership; you see every step." />
      <SuggestForm />
      <Tabs value={view} onChange={(v) => setParams(v && v !== 'mine' ? { view: v } : {}, { replace: true })}>
        <Tabs.List>
          <Tabs.Tab value="mine">My suggestions</Tabs.Tab>
          <Tabs.Tab value="to-review">My team’s, to review</Tabs.Tab>
          {leader && <Tabs.Tab value="leadership">Escalated to leadership</Tabs.Tab>}
        </Tabs.List>
        {(['mine', 'to-review', ...(leader ? ['leadership' as const] : [])] as const).map((tab) => (
          <Tabs.Panel key={tab} value={tab} pt="md">
            {view === tab && <SuggestionTable view={tab} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function SuggestForm() {
  const form = useZodForm(empty);
  const submit = useSubmitSuggestion();
  const navigate = useNavigate();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(submitSuggestionInput);
    if (input) submit.mutate(input, { onSuccess: (s) => void navigate(`/suggestions/${s.id}`), onError: (error) => form.applyProblem(error) });
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="suggest-heading">
      <Title order={2} size="h4" id="suggest-heading" mb="sm">Suggest an improvement</Title>
      <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Suggest an improvement">
        <Stack gap="sm">
          {submit.error && <ErrorAlert error={submit.error} formFields={Object.keys(empty)} title="Not sent" />}
          <TextInput label="Title" description="A few words." maxLength={200} {...form.textProps('title')} />
          <Textarea label="Your idea" autosize minRows={3} {...form.textProps('idea')} />
          <Textarea label="What it improves, for customers or colleagues" autosize minRows={2} {...form.textProps('benefit')} />
          <div>
            <Button type="submit" loading={submit.isPending}>Send to my manager</Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}

function SuggestionTable({ view }: { view: SuggestionList }) {
  const list = useSuggestions(view);
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return null;
  if (list.data.length === 0) return <EmptyState icon={<IconBulb aria-hidden />} title="No suggestions here yet" />;
  return (
    <ScrollTable minWidth={720} label="Suggestions">
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Suggestion</Table.Th>
            <Table.Th scope="col">From</Table.Th>
            <Table.Th scope="col">Reviewer</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Suggested</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Anchor component={Link} to={`/suggestions/${s.id}`} fw={600}>{s.title}</Anchor>
                <Text size="sm" c="gray.7">{s.reference}</Text>
              </Table.Td>
              <Table.Td>{s.submitter.name}</Table.Td>
              <Table.Td>{s.reviewer?.name ?? 'Leaders'}</Table.Td>
              <Table.Td><SuggestionStatusBadge status={s.status} /></Table.Td>
              <Table.Td>{formatDate(s.submittedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
