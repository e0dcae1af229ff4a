import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One part of the charter: a landmark named by its h2, with an optional lead paragraph. */
export function CharterSection({ id, title, lead, children }: { id: string; title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={`${id}-heading`} gap="sm" className="stride-charter-section">
      <Title order={2} size="h3" id={`${id}-heading`} style={{ scrollMarginTop: 80 }}>
        {title}
      </Title>
      {lead && (
        <Text c="gray.8" maw={760}>
          {lead}
        </Text>
      )}
      {children}
    </Stack>
  );
}

/** Text written with blank lines between paragraphs, shown as paragraphs. */
export function Paragraphs({ text, size }: { text: string; size?: 'sm' | 'md' | 'lg' }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <Stack gap="sm" maw={760}>
      {paragraphs.map((paragraph, i) => (
        <Text key={i} size={size} style={{ whiteSpace: 'pre-line' }}>
          {paragraph}
        </Text>
      ))}
    </Stack>
  );
}
