import { Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { roleLabels, roles } from '../../../platform/auth/roles';
import { ListEditor } from './list-editor';
import type { DraftForm } from './use-draft-form';

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

/** Introduction, products and services, request handling, partnership and closing words. */
export function ContentFields({ form }: { form: DraftForm }) {
  const { content } = form.values;
  const at = (path: string) => `content.${path}`;
  return (
    <Stack gap="lg">
      <Textarea label="Introduction" description="Who the unit is and what it promises, in a few paragraphs." autosize minRows={4} {...form.text(at('introduction'))} />

      <ListEditor
        legend="Products and services"
        noun="product or service"
        items={content.productsAndServices}
        onChange={(items) => form.set(at('productsAndServices'), items)}
        newItem={() => ({ name: '', description: '' })}
        error={form.errors[at('productsAndServices')]}
      >
        {(_, i) => (
          <>
            <TextInput label="Name" {...form.text(at(`productsAndServices.${i}.name`))} />
            <Textarea label="Description" autosize minRows={2} {...form.text(at(`productsAndServices.${i}.description`))} />
          </>
        )}
      </ListEditor>

      <ListEditor
        legend="How requests are handled"
        noun="kind of request"
        items={content.requestHandling}
        onChange={(items) => form.set(at('requestHandling'), items)}
        newItem={() => ({ requestType: '', description: '', triagedBy: 'coordinator', decidedBy: 'unit_lead', who: '' })}
        error={form.errors[at('requestHandling')]}
      >
        {(item, i) => {
          const path = (field: string) => at(`requestHandling.${i}.${field}`);
          return (
            <>
              <TextInput label="Request type" {...form.text(path('requestType'))} />
              <Textarea label="How it is handled" autosize minRows={2} {...form.text(path('description'))} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label="Triaged by" data={roleOptions} value={item.triagedBy} allowDeselect={false} onChange={(v) => v && form.set(path('triagedBy'), v)} error={form.errors[path('triagedBy')]} />
                <Select label="Decided by" data={roleOptions} value={item.decidedBy} allowDeselect={false} onChange={(v) => v && form.set(path('decidedBy'), v)} error={form.errors[path('decidedBy')]} />
              </SimpleGrid>
              <TextInput label="Who, in plain words" description="For example: the consultant, with the requester's manager." {...form.text(path('who'))} />
            </>
          );
        }}
      </ListEditor>

      <ListEditor
        legend="Working in partnership"
        noun="step"
        items={content.partnership.steps ?? []}
        onChange={(items) => form.set(at('partnership.steps'), items)}
        newItem={() => ({ title: '', description: '' })}
        error={form.errors[at('partnership.steps')]}
        description={<Textarea label="How the unit partners with business units" autosize minRows={3} {...form.text(at('partnership.summary'))} />}
      >
        {(_, i) => (
          <>
            <TextInput label="Step" {...form.text(at(`partnership.steps.${i}.title`))} />
            <Textarea label="What happens in this step" autosize minRows={2} {...form.text(at(`partnership.steps.${i}.description`))} />
          </>
        )}
      </ListEditor>

      <Textarea label="Closing words" description="Optional: how to reach the unit, or a last word to readers." autosize minRows={2} {...form.text(at('closing'))} />
    </Stack>
  );
}
