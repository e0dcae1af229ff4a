import { Anchor, Flex, Stack, Text } from '@mantine/core';
import type { Charter } from './charter-api';
import { BusinessCalendarSection } from './business-calendar-section';
import { CharterMeta } from './charter-meta';
import { CharterSection, Paragraphs } from './charter-section';
import { PartnershipTimeline } from './partnership-timeline';
import { ProductsAndServices } from './products-and-services';
import { RequestHandling } from './request-handling';
import { ServiceLevelsTable } from './service-levels-table';
import { workingDayMinutes } from './format-business-time';
import './charter-print.css';

const contents = [
  ['purpose', 'Our purpose'],
  ['products', 'Products and services'],
  ['requests', 'How we handle requests'],
  ['partnership', 'Working in partnership'],
  ['service-levels', 'Service levels'],
  ['calendar', 'Working hours and holidays'],
] as const;

function Contents() {
  return (
    <Flex component="nav" aria-label="Charter contents" className="stride-no-print" gap="sm" rowGap={4} wrap="wrap" align="baseline">
      <Text size="sm" fw={600} c="gray.8">
        On this page:
      </Text>
      <Flex gap="md" rowGap={4} wrap="wrap" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {contents.map(([id, title]) => (
          <li key={id}>
            <Anchor href={`#${id}-heading`} size="sm" underline="always">
              {title}
            </Anchor>
          </li>
        ))}
      </Flex>
    </Flex>
  );
}

/** One version of the charter in full, the same on the current page, an old version and paper. */
export function CharterDocument({ charter }: { charter: Charter }) {
  const { content, calendar } = charter;
  return (
    <Stack gap={40} className="stride-charter-document stride-print-document">
      <Stack gap="sm">
        <CharterMeta charter={charter} />
        <Contents />
      </Stack>
      <CharterSection id="purpose" title="Our purpose">
        <Paragraphs text={content.introduction} size="md" />
      </CharterSection>
      <ProductsAndServices offerings={content.productsAndServices} />
      <RequestHandling handling={content.requestHandling} />
      <PartnershipTimeline partnership={content.partnership} />
      <ServiceLevelsTable levels={charter.serviceLevels} workingDay={workingDayMinutes(calendar)} />
      <BusinessCalendarSection calendar={calendar} />
      {content.closing && (
        <CharterSection id="commitment" title="Our commitment">
          <Paragraphs text={content.closing} />
        </CharterSection>
      )}
    </Stack>
  );
}
