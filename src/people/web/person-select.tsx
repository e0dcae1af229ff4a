import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { usePeople } from './people-api';

type Props = {
  label: string;
  description: string;
  /** What an empty field means, e.g. "No manager (top of the organization)". */
  placeholder: string;
  value: string | null;
  /** The chosen person's name, so the field reads right before any search. */
  initialLabel?: string;
  onChange: (id: string | null) => void;
  /** Someone who may not be chosen, e.g. the person being edited as their own manager. */
  excludeId?: string;
  error?: string;
};

/**
 * Picks an active person by searching the directory on the server (`/people?q=`), so it works
 * for any organization size; each option shows the person's title and unit to tell namesakes apart.
 */
export function PersonSelect({ label, description, placeholder, value, initialLabel, onChange, excludeId, error }: Props) {
  const [search, setSearch] = useState('');
  const [selectedLabel, setSelectedLabel] = useState(initialLabel);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  // While the box shows the chosen name, list everyone (first page) rather than only that name.
  const query = debounced && debounced !== selectedLabel ? debounced : undefined;
  const people = usePeople({ q: query, pageSize: 20 });

  const { data, titles } = useMemo(() => {
    const titles = new Map<string, string>();
    const options: { value: string; label: string }[] = [];
    for (const p of people.data?.items ?? []) {
      if (p.id === excludeId || !p.active) continue;
      options.push({ value: p.id, label: p.name });
      titles.set(p.id, [p.jobTitle, p.businessUnit?.name].filter(Boolean).join(' · '));
    }
    if (value && selectedLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: selectedLabel });
    return { data: options, titles };
  }, [people.data, excludeId, value, selectedLabel]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      data={data}
      value={value}
      onChange={(id, option) => {
        setSelectedLabel(option?.label);
        onChange(id);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          {titles.get(option.value) && (
            <Text size="xs" c="gray.7">
              {titles.get(option.value)}
            </Text>
          )}
        </Stack>
      )}
      clearable
      nothingFoundMessage={people.isFetching ? 'Searching…' : 'No one found'}
      error={error}
    />
  );
}
