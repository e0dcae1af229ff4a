import { ActionIcon, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

type Props<T> = {
  legend: string;
  /** What one entry is called: "product or service" gives "Product or service 2". */
  noun: string;
  items: T[];
  onChange: (items: T[]) => void;
  newItem: () => T;
  error?: string;
  description?: ReactNode;
  children: (item: T, index: number) => ReactNode;
};

function move<T>(items: T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An ordered list of entries, each its own fieldset, to add, remove and move up or down. */
export function ListEditor<T>({ legend, noun, items, onChange, newItem, error, description, children }: Props<T>) {
  return (
    <Fieldset legend={legend} radius="md">
      <Stack gap="sm">
        {description}
        {items.map((item, i) => {
          const name = `${noun} ${i + 1}`;
          return (
            <Fieldset key={i} legend={capital(name)} variant="filled" radius="md">
              <Stack gap="xs">
                {children(item, i)}
                <Group gap={4} justify="flex-end">
                  <ActionIcon variant="default" aria-label={`Move ${name} up`} disabled={i === 0} onClick={() => onChange(move(items, i, i - 1))}>
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon variant="default" aria-label={`Move ${name} down`} disabled={i === items.length - 1} onClick={() => onChange(move(items, i, i + 1))}>
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon variant="default" color="red" aria-label={`Remove ${name}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Stack>
            </Fieldset>
          );
        })}
        {error && (
          <Text c="red.8" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...items, newItem()])}>
            Add a {noun}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
