import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useGlossary } from './glossary-api';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * FB-3: the glossary's words that a page's text uses (a course's title, objectives, description),
 * with their meaning, so a reader meets the organization's own language explained where it is used.
 * Shows nothing when the text uses none.
 */
export function WordsUsedHere({ texts }: { texts: readonly string[] }) {
  const glossary = useGlossary();
  const used = useMemo(() => {
    const text = texts.join('\n');
    return (glossary.data?.terms ?? []).filter((t) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(t.term)}($|[^\\p{L}\\p{N}])`, 'iu').test(text));
  }, [glossary.data, texts]);
  if (used.length === 0) return null;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="words-used-heading">
      <Title order={2} size="h4" id="words-used-heading" mb="sm">
        Words used here
      </Title>
      <Stack gap="xs" component="dl" m={0}>
        {used.map((t) => (
          <div key={t.id}>
            <Text component="dt" fw={600}>
              {t.term}
            </Text>
            <Text component="dd" m={0} size="sm">
              {t.definition}
            </Text>
          </div>
        ))}
      </Stack>
      <Anchor component={Link} to="/glossary" size="sm" mt="sm" className="stride-no-print">
        The whole glossary
      </Anchor>
    </Card>
  );
}
