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
  /**
   * Where the options come from, for a query (undefined: the first page): the directory by
   * default; a narrower list where the caller sees less (a learner's teammates). A hook.
   */
  useOptions?: (query: string | undefined) => { data: PersonOption[] | undefined; isFetching: boolean };
};

export type PersonOption = { id: string; name: string; detail: string };

/** The directory (`/people?q=`), as options: active people with title and unit. */
function useDirectoryOptions(query: string | undefined): { data: PersonOption[] | undefined; isFetching: boolean } {
  const people = usePeople({ q: query, pageSize: 20 });
  const data = useMemo(
    () => people.data?.items.filter((p) => p.active).map((p) => ({ id: p.id, name: p.name, detail: [p.jobTitle, p.businessUnit?.name].filter(Boolean).join(' · ') })),
    [people.data],
  );
  return { data, isFetching: people.isFetching };
}

/**
 * Picks an active person by searching the directory on the server (`/people?q=`), so it works
 * for any organization size; each option shows the person's title and unit to tell namesakes apart.
 */
export function PersonSelect({ label, description, placeholder, value, initialLabel, onChange, excludeId, error, useOptions = useDirectoryOptions }: Props) {
  const [search, setSearch] = useState('');
  const [selectedLabel, setSelectedLabel] = useState(initialLabel);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  // While the box shows the chosen name, list everyone (first page) rather than only that name.
  const query = debounced && debounced !== selectedLabel ? debounced : undefined;
  const people = useOptions(query);

  const { data, titles } = useMemo(() => {
    const titles = new Map<string, string>();
    const options: { value: string; label: string }[] = [];
    for (const p of people.data ?? []) {
      if (p.id === excludeId) continue;
      options.push({ value: p.id, label: p.name });
      titles.set(p.id, p.detail);
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
