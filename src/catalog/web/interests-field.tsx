import { Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { describeError, isApiProblem } from '../../app/web/api';
import { useCreateInterest, useInterests } from './catalog-api';

type Props = { value: string[]; onChange: (ids: string[]) => void; error?: string | undefined };

/**
 * The interests a course is filed under (the catalog's filter, the marketing digest's topics), from
 * the unit's controlled list; an editor can add a missing one without leaving the course.
 */
export function InterestsField({ value, onChange, error }: Props) {
  const interests = useInterests();
  const create = useCreateInterest();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);

  const add = () => {
    const trimmed = name.trim();
    if (!trimmed) return setNameError('Write the name of the interest to add.');
    create.mutate(
      { name: trimmed, description: '' },
      {
        onSuccess: (interest) => {
          onChange([...value, interest.id]);
          setName('');
          setNameError(null);
        },
        onError: (e) => setNameError(isApiProblem(e) && e.errors[0] ? e.errors[0].message : describeError(e)),
      },
    );
  };

  return (
    <Stack gap="xs">
      <MultiSelect
        label="Interests"
        description="What the course is about, as people browse and subscribe to the catalog."
        placeholder={value.length ? undefined : 'Choose interests'}
        data={(interests.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
        value={value}
        onChange={onChange}
        searchable
        clearable
        nothingFoundMessage={interests.isPending ? 'Loading…' : 'No such interest: add it below'}
        error={error}
      />
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label="Add an interest that is not listed"
          maxLength={60}
          value={name}
          error={nameError}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setNameError(null);
          }}
          // Enter adds the interest rather than saving the whole course.
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button variant="default" mt={25} leftSection={<IconPlus size={16} aria-hidden />} loading={create.isPending} onClick={add}>
          Add interest
        </Button>
      </Group>
    </Stack>
  );
}
