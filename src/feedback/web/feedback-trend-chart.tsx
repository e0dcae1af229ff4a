import { BarChart } from '@mantine/charts';
import { Card, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { feedbackCategoryLabels } from '../feedback-schemas';
import { feedbackCategories } from '../schema';
import { useFeedbackTrend } from './feedback-api';

const colors = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.7', 'pink.6', 'lime.7', 'gray.6'];
const monthLabel = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: '2-digit' });

/**
 * What people tell the unit about, month by month (FB-1): a stacked bar per month by category,
 * and the same figures as a table for screen readers and print.
 */
export function FeedbackTrendChart({ months = 12 }: { months?: number }) {
  const trend = useFeedbackTrend(months);
  if (!trend.data) return null;
  const used = feedbackCategories.filter((c) => trend.data.rows.some((r) => r.category === c));
  const cell = (month: string, category: string) => trend.data.rows.filter((r) => r.month === month && r.category === category).reduce((sum, r) => sum + r.count, 0);
  const data = trend.data.months.map((month) => ({ month: monthLabel(month), ...Object.fromEntries(used.map((c) => [c, cell(month, c)])) }));
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="trend-heading">
      <Title order={2} size="h4" id="trend-heading">
        What people tell us about, month by month
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        Complaints and compliments by category over the last {months} months, in the unit’s time zone.
      </Text>
      {used.length === 0 ? (
        <Text size="sm">Nothing received in this period.</Text>
      ) : (
        <>
          <div aria-hidden>
            <BarChart h={260} data={data} dataKey="month" type="stacked" withLegend legendProps={{ verticalAlign: 'bottom' }} series={used.map((c, i) => ({ name: c, label: feedbackCategoryLabels[c], color: colors[i % colors.length]! }))} textColor="gray.8" barChartProps={{ accessibilityLayer: false }} />
          </div>
          <VisuallyHidden>
            <ScrollTable minWidth={480} label="Feedback by month and category">
              <Table>
                <Table.Caption>Feedback received by month and category</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Category</Table.Th>
                    {trend.data.months.map((m) => (
                      <Table.Th scope="col" key={m}>{monthLabel(m)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {used.map((c) => (
                    <Table.Tr key={c}>
                      <Table.Th scope="row">{feedbackCategoryLabels[c]}</Table.Th>
                      {trend.data.months.map((m) => (
                        <Table.Td key={m}>{cell(m, c)}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </VisuallyHidden>
        </>
      )}
    </Card>
  );
}
