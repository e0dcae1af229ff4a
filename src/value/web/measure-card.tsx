import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { Link } from 'react-router';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { MeasureView } from './value-api';
import { basisText, figureText, monthLabel } from './value-format';

const splitNames = { businessUnit: 'business unit', goal: 'strategic goal' } as const;

/** The month-by-month line, for the eye; the same numbers are in the CSV and the records. */
function Trend({ measure }: { measure: MeasureView }) {
  const data = measure.trend.map((t) => ({ month: monthLabel(t.month), value: t.value }));
  if (measure.trend.every((t) => t.value === null)) return null;
  return (
    <div aria-hidden className="stride-value-trend">
      <LineChart
        h={110}
        data={data}
        dataKey="month"
        series={[{ name: 'value', label: measure.title, color: 'blue.8' }]}
        curveType="linear"
        connectNulls={false}
        withDots
        gridAxis="y"
        textColor="gray.8"
        withTooltip={false}
        yAxisProps={{ width: 40 }}
        xAxisProps={{ interval: 'preserveStartEnd' }}
        lineChartProps={{ accessibilityLayer: false }}
      />
    </div>
  );
}

/**
 * One measure (VA-1): the figure with what it rests on, a flag when that is too little to judge,
 * a note when it could not be split by the chosen unit or goal, its split, its trend, how it is
 * computed (VA-2) and the way to the records behind it.
 */
export function MeasureCard({ measure, recordsHref }: { measure: MeasureView; recordsHref: string }) {
  const headingId = `measure-${measure.key}`;
  const hasRecords = measure.figure.basis > 0 || measure.kind === 'count';
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={headingId} className="stride-value-card">
      <Stack gap={6}>
        <Title order={3} fz="md" id={headingId}>
          {measure.title}
        </Title>
        <Group gap="xs" align="baseline" wrap="wrap">
          {hasRecords ? (
            <Anchor component={Link} to={recordsHref} fz={32} fw={700} lh={1.1} c="blue.9" aria-label={`${measure.title}: ${figureText(measure.kind, measure.figure)}, ${basisText(measure.counted, measure.figure)}. See the records behind it`}>
              {figureText(measure.kind, measure.figure)}
            </Anchor>
          ) : (
            <Text fz={32} fw={700} lh={1.1}>
              {figureText(measure.kind, measure.figure)}
            </Text>
          )}
          <Text size="sm" c="gray.7">
            {basisText(measure.counted, measure.figure)}
          </Text>
        </Group>
        <Group gap="xs">
          {measure.figure.tooFew && measure.figure.basis > 0 && (
            <Badge color="gray" c="dark.7" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />} title="Too few to judge: read it as anecdotes, not a trend">
              Too few to judge
            </Badge>
          )}
          {measure.notSplitBy.length > 0 && (
            <Badge color="gray.8" variant="outline">
              Whole organization: not split by {measure.notSplitBy.map((s) => splitNames[s]).join(' or ')}
            </Badge>
          )}
        </Group>
        {measure.breakdown && measure.breakdown.groups.some((g) => g.figure.basis > 0) && (
          <dl className="stride-value-split" aria-label={measure.breakdown.title}>
            {measure.breakdown.groups
              .filter((g) => g.figure.basis > 0 || measure.kind !== 'count')
              .map((g) => (
                <div key={g.key}>
                  <Text component="dt" size="sm" c="gray.7">
                    {g.label}
                  </Text>
                  <Text component="dd" fw={600} size="sm">
                    {figureText(measure.kind, g.figure)}
                    {measure.kind !== 'count' && (
                      <Text span c="gray.7" fw={400} size="xs">
                        {' '}
                        ({g.figure.basis})
                      </Text>
                    )}
                  </Text>
                </div>
              ))}
          </dl>
        )}
        <Trend measure={measure} />
        <Text size="xs" c="gray.8" className="stride-print-only stride-value-print-definition">
          {measure.definition}
        </Text>
        <details className="stride-value-definition stride-no-print">
          <summary>How it is computed</summary>
          <Text size="sm" mt={4}>
            {measure.definition}
          </Text>
          <Text size="sm" c="gray.7" mt={4}>
            From: {measure.events.join('; ')}.
          </Text>
        </details>
        {hasRecords && (
          <Anchor component={Link} to={recordsHref} size="sm" c="blue.9" className="stride-no-print">
            See the records behind it
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
