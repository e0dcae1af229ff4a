import { SimpleGrid, Table, Text, Title } from '@mantine/core';
import { weekdays } from '../../service-levels/business-calendar-schema';
import type { BusinessCalendar } from './charter-api';
import { CharterSection } from './charter-section';
import { dayNames, formatHolidayDate, holidaysByYear, periodsText, timeZoneInWords } from './describe-calendar';
import { dayMinutes, formatDuration } from './format-business-time';

function WorkingWeek({ week }: { week: BusinessCalendar['week'] }) {
  return (
    <Table withTableBorder verticalSpacing="xs" fz="sm" captionSide="top" className="stride-charter-table">
      <Table.Caption style={{ textAlign: 'start' }}>Working hours, Monday to Sunday</Table.Caption>
      <Table.Thead>
        <Table.Tr bg="gray.0">
          <Table.Th scope="col">Day</Table.Th>
          <Table.Th scope="col">Hours</Table.Th>
          <Table.Th scope="col">Working time</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {weekdays.map((day) => {
          const periods = week[day] ?? [];
          return (
            <Table.Tr key={day}>
              <Table.Th scope="row">{dayNames[day]}</Table.Th>
              <Table.Td>{periods.length > 0 ? periodsText(periods) : 'Closed'}</Table.Td>
              <Table.Td>{periods.length > 0 ? formatDuration(dayMinutes(periods)) : '—'}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function Holidays({ year, holidays }: { year: string; holidays: BusinessCalendar['holidays'] }) {
  return (
    <Table withTableBorder verticalSpacing={6} fz="sm" captionSide="top" className="stride-charter-table">
      <Table.Caption style={{ textAlign: 'start' }}>Holidays in {year}</Table.Caption>
      <Table.Thead>
        <Table.Tr bg="gray.0">
          <Table.Th scope="col" w="32%">
            Date
          </Table.Th>
          <Table.Th scope="col">Holiday</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {holidays.map((holiday) => (
          <Table.Tr key={holiday.date}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <time dateTime={holiday.date}>{formatHolidayDate(holiday.date)}</time>
            </Table.Td>
            <Table.Td>
              {holiday.name}
              {holiday.workingPeriods && holiday.workingPeriods.length > 0 && (
                <Text span size="xs" c="gray.7" display="block">
                  Open {periodsText(holiday.workingPeriods)}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The business calendar every clock counts on: the working week and the holidays, by year. */
export function BusinessCalendarSection({ calendar }: { calendar: BusinessCalendar }) {
  const byYear = holidaysByYear(calendar.holidays);
  return (
    <CharterSection
      id="calendar"
      title="Working hours and holidays"
      lead={`Service-level clocks run only in these hours, in ${timeZoneInWords(calendar.timeZone)}; they stand still at night, at weekends and on holidays.`}
    >
      <Title order={3} size="h5">
        Working week
      </Title>
      <div style={{ maxWidth: 560 }}>
        <WorkingWeek week={calendar.week} />
      </div>
      <Title order={3} size="h5" mt="sm">
        Holidays
      </Title>
      {byYear.size === 0 ? (
        <Text size="sm" c="gray.8">
          No holidays are listed; every weekday above is a working day.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="md">
          {[...byYear].map(([year, holidays]) => (
            <Holidays key={year} year={year} holidays={holidays} />
          ))}
        </SimpleGrid>
      )}
    </CharterSection>
  );
}
