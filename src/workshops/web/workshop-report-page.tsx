import { Anchor, Box, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { UnitContactCard } from '../../app/web/components/unit-contact-card';
import { usePageTitle } from '../../app/web/hooks/use-page-title';
import { opportunityKindLabels, opportunityKinds } from '../workshop-values';
import { JourneyStrip } from './journey-strip';
import { formatDay, scopeOf, useWorkshop, type WorkshopView } from './workshops-api';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Box>
  );
}

const orNone = (s: string) => (s.trim() ? s : '—');

function Moments({ w }: { w: WorkshopView }) {
  if (w.moments.length === 0) return <Text size="sm">No moment of truth was mapped.</Text>;
  return (
    <Stack gap="md">
      {w.moments.map((m, i) => (
        <Box key={m.id} className="stride-keep-together">
          <Title order={3} size="h5" mb={4}>
            {i + 1}. {m.name}
          </Title>
          <Table withTableBorder variant="vertical" layout="fixed">
            <Table.Tbody>
              {(
                [
                  ['What happens now', m.happensNow],
                  ['What should happen', m.shouldHappen],
                  ['Standards and measures present', m.standardsNow],
                  ['Standards and measures needed', m.standardsNeeded],
                  ['Non-value-added activities', m.nonValueAdded],
                ] as const
              ).map(([label, text]) => (
                <Table.Tr key={label}>
                  <Table.Th w={220}>{label}</Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{orNone(text)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      ))}
    </Stack>
  );
}

/**
 * CX-4: the workshop on paper, for the business unit and the people who took part: scope and
 * participants, the journey at a glance, each moment's analysis, the opportunities by kind (training
 * one among others), the stories, the words that went into the glossary, and the unit's contact.
 */
export function WorkshopReportPage() {
  const { id = '' } = useParams();
  const workshop = useWorkshop(id);
  usePageTitle(workshop.data ? `Workshop report: ${workshop.data.title}` : 'Workshop report');
  const w = workshop.data;
  if (!w) return workshop.error ? <ErrorAlert error={workshop.error} title="This workshop cannot be shown" /> : <FullPageLoader />;
  const momentName = (momentId: string | null) => {
    const i = w.moments.findIndex((m) => m.id === momentId);
    return i < 0 ? 'the whole journey' : `moment ${i + 1}, ${w.moments[i]!.name}`;
  };
  const kinds = opportunityKinds.filter((k) => w.opportunities.some((o) => o.kind === k));
  return (
    <Stack gap="lg" className="stride-print-document" maw={900}>
      <Group justify="space-between" className="stride-no-print">
        <Anchor component={Link} to={`/workshops/${w.id}`} size="sm">
          ‹ Back to the workshop
        </Anchor>
        <Button onClick={() => window.print()} leftSection={<IconPrinter size={16} aria-hidden />}>
          Print
        </Button>
      </Group>
      <Box>
        <Text size="sm" c="gray.7" fw={600}>
          Customer experience workshop report
        </Text>
        <Title order={1}>{w.title}</Title>
        <Text>
          {scopeOf(w)} · {formatDay(w.heldOn)} · facilitated by {w.facilitator.name}
          {w.step === 'done' ? '' : ' · still under way: this report may change'}
        </Text>
      </Box>
      {w.purpose && (
        <Section id="report-purpose" title="Why we met">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{w.purpose}</Text>
        </Section>
      )}
      <Section id="report-participants" title="Who took part">
        {w.participants.length === 0 ? (
          <Text size="sm">No participant recorded.</Text>
        ) : (
          <List size="sm">
            {w.participants.map((p) => (
              <List.Item key={p.person.id}>
                {p.person.name}
                {p.jobTitle ? `, ${p.jobTitle}` : ''}
                {p.contribution ? ` — ${p.contribution}` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section id="report-journey" title="The customer journey">
        <JourneyStrip workshop={w} />
      </Section>
      <Section id="report-moments" title="Each moment of truth">
        <Moments w={w} />
      </Section>
      <Section id="report-opportunities" title="Improvement opportunities">
        {kinds.length === 0 ? (
          <Text size="sm">No opportunity was harvested.</Text>
        ) : (
          <Stack gap="sm">
            {kinds.map((k) => (
              <Box key={k}>
                <Title order={3} size="h5">
                  {opportunityKindLabels[k]}
                </Title>
                <List size="sm">
                  {w.opportunities
                    .filter((o) => o.kind === k)
                    .map((o) => (
                      <List.Item key={o.id}>
                        {o.description} <Text span c="gray.7">({momentName(o.momentId)}{o.requestId ? '; became a request' : ''})</Text>
                      </List.Item>
                    ))}
                </List>
              </Box>
            ))}
          </Stack>
        )}
      </Section>
      <Section id="report-stories" title="Stories we heard">
        {w.stories.length === 0 ? (
          <Text size="sm">No story recorded.</Text>
        ) : (
          <Stack gap="xs">
            {w.stories.map((s) => (
              <Box key={s.id} component="blockquote" m={0} pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
                <Text style={{ whiteSpace: 'pre-wrap' }}>“{s.story}”</Text>
                <Text size="sm" c="gray.7">
                  {s.toldBy ? `${s.toldBy}, ` : ''}
                  at {momentName(s.momentId)}
                </Text>
              </Box>
            ))}
          </Stack>
        )}
      </Section>
      <Section id="report-words" title="Our own words">
        {w.words.length === 0 ? (
          <Text size="sm">No word was harvested.</Text>
        ) : (
          <Table withTableBorder layout="fixed">
            <Table.Tbody>
              {w.words.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Th w={200}>{t.term}</Table.Th>
                  <Table.Td>
                    {t.definition}
                    {t.example ? <Text span c="gray.7" fs="italic">{` “${t.example}”`}</Text> : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <UnitContactCard />
    </Stack>
  );
}
