import { Anchor, Badge, Box, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBook2, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { useUrlFilters, useUrlSearchBox } from '../../app/web/hooks/use-url-filters';
import { glossaryOriginLabels, glossaryOrigins, type GlossaryOrigin } from '../glossary-values';
import { useGlossary, useSaveTerm, type GlossaryTermView } from './glossary-api';
import { TermForm } from './term-form';

function EditTerm({ term, onDone }: { term: GlossaryTermView | null; onDone: () => void }) {
  const save = useSaveTerm(term?.id ?? null);
  return (
    <Card withBorder padding="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {term ? `Change “${term.term}”` : 'Add a term'}
      </Title>
      <TermForm
        initial={term ? { term: term.term, definition: term.definition, example: term.example } : undefined}
        submitLabel={term ? 'Save the term' : 'Add the term'}
        pending={save.isPending}
        error={save.error}
        onCancel={onDone}
        onSubmit={(input, form) => save.mutate(input, { onSuccess: onDone, onError: (e) => void form.applyProblem(e) })}
      />
    </Card>
  );
}

function TermEntry({ term, canEdit, onEdit }: { term: GlossaryTermView; canEdit: boolean; onEdit: () => void }) {
  return (
    <Box component="article" aria-labelledby={`term-${term.id}`} py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} size="h4" id={`term-${term.id}`}>
              {term.term}
            </Title>
            <Badge variant="light" color={term.origin === 'workshop' ? 'teal' : 'blue'} c={term.origin === 'workshop' ? 'teal.9' : 'blue.9'}>
              {glossaryOriginLabels[term.origin]}
            </Badge>
          </Group>
          <Text>{term.definition}</Text>
          {term.example && <Text c="gray.7" fs="italic">“{term.example}”</Text>}
          {term.originNote && (
            <Text size="sm" c="gray.7">
              {term.originNote}
            </Text>
          )}
        </Stack>
        {canEdit && (
          <Button variant="subtle" size="compact-sm" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit} aria-label={`Change “${term.term}”`}>
            Change
          </Button>
        )}
      </Group>
    </Box>
  );
}

/**
 * FB-3: the common service language. Everyone searches it; the unit adds and sharpens terms, and
 * the organization's own words arrive from customer experience workshops (CX-3).
 */
export function GlossaryPage() {
  const { params, update } = useUrlFilters();
  const q = params.get('q') ?? '';
  const origin = (glossaryOrigins as readonly string[]).includes(params.get('origin') ?? '') ? (params.get('origin') as GlossaryOrigin) : undefined;
  const [search, setSearch] = useUrlSearchBox('q', update, q);
  const glossary = useGlossary({ q: q || undefined, origin });
  const [editing, setEditing] = useState<GlossaryTermView | 'new' | null>(null);
  const g = glossary.data;
  return (
    <>
      <PageHeader
        title="Glossary"
        description="Our common service language: the words the training unit uses about service, and the organization’s own words, heard in customer experience workshops, that courses speak in."
        actions={
          g?.canEdit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              Add a term
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Search" placeholder="A word, or part of a meaning" leftSection={<IconSearch size={16} aria-hidden />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 260px' }} />
          <SegmentedControl
            aria-label="Which words"
            value={origin ?? 'all'}
            onChange={(v) => update({ origin: v === 'all' ? null : v })}
            data={[{ value: 'all', label: 'All words' }, ...glossaryOrigins.map((o) => ({ value: o, label: glossaryOriginLabels[o] }))]}
          />
        </Group>
        {editing && <EditTerm key={editing === 'new' ? 'new' : editing.id} term={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
        {glossary.error ? (
          <ErrorAlert error={glossary.error} title="The glossary cannot be shown" />
        ) : !g ? (
          <FullPageLoader />
        ) : g.terms.length === 0 ? (
          <EmptyState icon={<IconBook2 size={24} />} title={q || origin ? 'No term matches' : 'The glossary is empty'}>
            {q || origin ? (
              <Anchor component="button" onClick={() => update({ q: null, origin: null })}>
                Show every term
              </Anchor>
            ) : (
              'Terms appear here as the unit writes them and as workshops harvest them.'
            )}
          </EmptyState>
        ) : (
          <Box aria-live="polite">
            <Text size="sm" c="gray.7">
              {g.terms.length === 1 ? 'One term' : `${g.terms.length} terms`}
            </Text>
            {g.terms.map((t) => (
              <TermEntry key={t.id} term={t} canEdit={g.canEdit} onEdit={() => setEditing(t)} />
            ))}
          </Box>
        )}
      </Stack>
    </>
  );
}
