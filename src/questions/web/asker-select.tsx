import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { usePeople } from '../../people/web/people-api';

type Props = { value: string | null; onChange: (id: string | null) => void; error?: string };

/** Searches the directory on the server (`/people?q=`) for the person who called or wrote. */
export function AskerSelect({ value, onChange, error }: Props) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const people = usePeople({ q: debounced && debounced !== chosen?.label ? debounced : undefined, pageSize: 20 });
  const data = (people.data?.items ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }));
  if (value && chosen && !data.some((o) => o.value === value)) data.unshift(chosen);
  return (
    <Select
      label="Asked by"
      description="Type a name to search the directory; leave empty for someone without an account."
      placeholder="Someone without an account"
      data={data}
      value={value}
      onChange={(id, option) => {
        setChosen(option ?? null);
        onChange(id);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable
      nothingFoundMessage={people.isFetching ? 'Searching…' : 'No one found'}
      error={error}
    />
  );
}
