import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { usePeople } from '../../people/web/people-api';

type Props = { label: string; description?: string; value: string[]; onChange: (ids: string[]) => void; error?: string; businessUnitId?: string | null; exclude?: readonly string[] };

/**
 * People of Stride to pick by name: without a search, the request's business unit (the affected
 * audience is usually there); with one, anybody. Names picked stay shown when the list changes.
 */
export function PeoplePicker({ label, description, value, onChange, error, businessUnitId, exclude = [] }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = usePeople(q ? { q, pageSize: 50 } : { businessUnitId: businessUnitId ?? undefined, pageSize: 100 });
  const names = useRef(new Map<string, string>());
  for (const p of found.data?.items ?? []) if (p.active) names.current.set(p.id, `${p.name}${p.jobTitle ? ` — ${p.jobTitle}` : ''}`);
  const shown = new Set([...(found.data?.items ?? []).filter((p) => p.active && !exclude.includes(p.id)).map((p) => p.id), ...value]);
  return (
    <MultiSelect
      label={label}
      description={description}
      data={[...shown].map((id) => ({ value: id, label: names.current.get(id) ?? id }))}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'Nobody found'}
      error={error}
      hidePickedOptions
    />
  );
}
