import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '—';
  if (typeof v === 'string') return v === '' ? '""' : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v, null, 2);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Before/after as a field-by-field table: changed fields first and marked, unchanged ones on request. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const [showAll, setShowAll] = useState(false);
  const objectish = (before === null || before === undefined || isPlain(before)) && (after === null || after === undefined || isPlain(after));

  if (!objectish) {
    return (
      <Table aria-label="Change" layout="fixed" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Before</Table.Th>
            <Table.Th scope="col">After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>
              <pre className="stride-pre">{show(before)}</pre>
            </Table.Td>
            <Table.Td>
              <pre className="stride-pre">{show(after)}</pre>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    );
  }

  const b: Plain = isPlain(before) ? before : {};
  const a: Plain = isPlain(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changed = keys.filter((k) => !same(b[k], a[k]));
  const unchanged = keys.filter((k) => same(b[k], a[k]));
  const rows = showAll ? [...changed, ...unchanged] : changed;
  const created = before === null || before === undefined;
  const deleted = after === null || after === undefined;

  if (keys.length === 0) return <Text size="sm">No details were recorded.</Text>;

  return (
    <div>
      <Text size="sm" mb="xs" c="gray.8">
        {created ? 'Created with these values.' : deleted ? 'Removed; these were its last values.' : `${changed.length} field${changed.length === 1 ? '' : 's'} changed.`}
      </Text>
      <Table aria-label="Changed fields" layout="fixed" verticalSpacing={6} withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="22%">
              Field
            </Table.Th>
            {!created && <Table.Th scope="col">Before</Table.Th>}
            {!deleted && <Table.Th scope="col">After</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((k) => {
            const isChanged = changed.includes(k);
            return (
              <Table.Tr key={k}>
                <Table.Th scope="row" fw={600} style={{ wordBreak: 'break-word' }}>
                  {k}
                </Table.Th>
                {!created && (
                  <Table.Td bg={isChanged && !deleted ? 'red.0' : undefined}>
                    {isChanged && !deleted ? (
                      <del style={{ textDecoration: 'none' }}>
                        <pre className="stride-pre">{show(b[k])}</pre>
                      </del>
                    ) : (
                      <pre className="stride-pre">{show(b[k])}</pre>
                    )}
                  </Table.Td>
                )}
                {!deleted && (
                  <Table.Td bg={isChanged && !created ? 'green.0' : undefined}>
                    {isChanged && !created ? (
                      <ins style={{ textDecoration: 'none' }}>
                        <pre className="stride-pre">{show(a[k])}</pre>
                      </ins>
                    ) : (
                      <pre className="stride-pre">{show(a[k])}</pre>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {!created && !deleted && unchanged.length > 0 && (
        <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Hide unchanged fields' : `Show ${unchanged.length} unchanged field${unchanged.length === 1 ? '' : 's'}`}
        </Button>
      )}
    </div>
  );
}
