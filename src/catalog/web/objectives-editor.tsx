import { ActionIcon, Box, Button, Fieldset, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';

/** An objective as the editor holds it: `key` tells rows apart on screen; `id` is the server's, kept through edits. */
export type ObjectiveDraft = { key: string; id?: string; text: string };

const MAX_OBJECTIVES = 20;

let next = 0;
export const newObjective = (text = '', id?: string): ObjectiveDraft => ({ key: `objective-${++next}`, text, ...(id ? { id } : {}) });

function move<T>(items: T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

type Props = {
  objectives: ObjectiveDraft[];
  /** `touched`: the error paths the change makes stale. */
  onChange: (objectives: ObjectiveDraft[], touched: string[]) => void;
  errors: Record<string, string>;
};

/**
 * CA-1: the objectives, in order — what the learner will be able to do after the course. They are
 * the point of the listing and what the follow-up after the event asks about, so each is a
 * sentence someone could observe being done.
 */
export function ObjectivesEditor({ objectives, onChange, errors }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const added = useRef(false);
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    const boxes = list.current?.querySelectorAll<HTMLTextAreaElement>('textarea');
    boxes?.[boxes.length - 1]?.focus();
  }, [objectives.length]);

  // Moving or removing renumbers every row after it, so their messages no longer fit.
  const from = (i: number) => ['objectives', ...objectives.slice(i).map((_, j) => `objectives.${i + j}`)];

  return (
    <Fieldset legend="Objectives: what the learner will be able to do" radius="md">
      <Stack gap="sm" ref={list}>
        <Text size="sm" c="gray.8">
          One sentence each, observable: what the learner will be able to do after the course, under what conditions and how well — for example, “Given a
          customer complaint, write a reply that says what happens next and by when.” The follow-up after the course asks about each one.
        </Text>
        <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {objectives.map((objective, i) => {
            const name = `objective ${i + 1}`;
            return (
              <Box component="li" key={objective.key} mb="sm">
                <Group align="flex-start" gap="xs" wrap="nowrap">
                  <Textarea
                    style={{ flex: 1 }}
                    label={`Objective ${i + 1}`}
                    autosize
                    minRows={2}
                    maxLength={500}
                    value={objective.text}
                    error={errors[`objectives.${i}.text`]}
                    onChange={(event) => {
                      const text = event.currentTarget.value;
                      onChange(
                        objectives.map((o, j) => (j === i ? { ...o, text } : o)),
                        [`objectives.${i}`, 'objectives'],
                      );
                    }}
                  />
                  <Group gap={4} mt={26} wrap="nowrap">
                    <ActionIcon variant="default" size="lg" aria-label={`Move ${name} up`} disabled={i === 0} onClick={() => onChange(move(objectives, i, i - 1), from(i - 1))}>
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="default" size="lg" aria-label={`Move ${name} down`} disabled={i === objectives.length - 1} onClick={() => onChange(move(objectives, i, i + 1), from(i))}>
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="default" size="lg" aria-label={`Remove ${name}`} onClick={() => onChange(objectives.filter((_, j) => j !== i), from(i))}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
              </Box>
            );
          })}
        </Box>
        {errors.objectives && (
          <Text c="red.8" size="sm" role="alert">
            {errors.objectives}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={objectives.length >= MAX_OBJECTIVES}
            onClick={() => {
              added.current = true;
              onChange([...objectives, newObjective()], ['objectives']);
            }}
          >
            Add an objective
          </Button>
          {objectives.length >= MAX_OBJECTIVES && (
            <Text size="sm" c="gray.8">
              {MAX_OBJECTIVES} objectives at most: a course that promises more promises too much.
            </Text>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
