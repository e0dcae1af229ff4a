import { Box, Grid, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { courseFormats, courseStatuses } from '../catalog-values';
import { formatLabels, languageName, statusLabels } from './catalog-format';
import type { DateErrors } from './catalog-query';

type Option = { value: string; label: string };

type Props = {
  search: string;
  onSearch: (text: string) => void;
  params: URLSearchParams;
  errors: DateErrors;
  units: Option[];
  interests: Option[];
  languages: string[];
  /** Editors may list drafts and retired courses. */
  editor: boolean;
  onChange: (changes: Record<string, string | null>) => void;
};

const statusOptions = courseStatuses.map((s) => ({ value: s, label: s === 'published' ? 'Published (in the catalog)' : `${statusLabels[s]}s` }));

/** The catalog's search box and filters; the page keeps them in the URL. */
export function CatalogFilters({ search, onSearch, params, errors, units, interests, languages, editor, onChange }: Props) {
  const language = params.get('language');
  const languageOptions = [...new Set([...languages, ...(language ? [language] : [])])].map((tag) => ({ value: tag, label: languageName(tag) }));
  const value = (key: string) => params.get(key) || null;
  const wide = editor ? 3 : 4;
  return (
    <Box component="form" role="search" aria-label="Search the catalog" mb="md" className="stride-no-print" onSubmit={(e) => e.preventDefault()}>
      <Grid gutter="sm">
        <Grid.Col span={12}>
          <TextInput
            type="search"
            label="Search"
            description="Words from a course’s title, summary, objectives or description."
            placeholder="For example: complaints, budget, isolation"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => onSearch(e.currentTarget.value)}
            maxLength={200}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: wide }}>
          <Select label="Format" placeholder="Any format" data={courseFormats.map((f) => ({ value: f, label: formatLabels[f] }))} value={value('format')} onChange={(v) => onChange({ format: v })} clearable />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: wide }}>
          <Select
            label="For business unit"
            placeholder="Any business unit"
            data={units}
            value={value('unit')}
            onChange={(v) => onChange({ unit: v })}
            searchable
            clearable
            nothingFoundMessage="No business unit matches"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: wide }}>
          <Select label="Language" placeholder="Any language" data={languageOptions} value={language} onChange={(v) => onChange({ language: v })} clearable />
        </Grid.Col>
        {editor && (
          <Grid.Col span={{ base: 12, sm: 6, md: wide }}>
            <Select label="Status" data={statusOptions} value={value('status') ?? 'published'} onChange={(v) => onChange({ status: v === 'published' ? null : v })} allowDeselect={false} />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Select
            label="Interest"
            placeholder="Any interest"
            data={interests}
            value={value('interest')}
            onChange={(v) => onChange({ interest: v })}
            searchable
            clearable
            nothingFoundMessage="No interest matches"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 4 }}>
          <TextInput type="date" label="Sessions from" value={params.get('from') ?? ''} error={errors.from} onChange={(e) => onChange({ from: e.currentTarget.value || null })} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 4 }}>
          <TextInput type="date" label="Sessions until" value={params.get('to') ?? ''} error={errors.to} onChange={(e) => onChange({ to: e.currentTarget.value || null })} />
        </Grid.Col>
      </Grid>
    </Box>
  );
}
