import { Group, Pagination, Text } from '@mantine/core';

type Props = { page: number; pageSize: number; total: number; onChange: (page: number) => void; noun?: string };

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

const controlLabels = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' } as const;

/** "Showing 51–100 of 1,234" and page buttons. */
export function PaginationBar({ page, pageSize, total, onChange, noun = 'results' }: Props) {
  const pages = pageCount(total, pageSize);
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const fmt = (n: number) => n.toLocaleString('en');
  return (
    <Group justify="space-between" mt="md" wrap="wrap" gap="sm">
      <Text size="sm" c="gray.7" aria-live="polite">
        {total === 0 ? `No ${noun}` : `Showing ${fmt(from)}–${fmt(to)} of ${fmt(total)} ${noun}`}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onChange}
          withEdges
          size="sm"
          aria-label="Pages"
          getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
          getItemProps={(p) => ({ 'aria-label': `Page ${p}`, 'aria-current': p === page ? 'page' : undefined })}
        />
      )}
    </Group>
  );
}
