import type { PdfDocumentBuilder } from '../platform/pdf/pdf-document-builder';
import { colors, typeScale } from '../platform/pdf/text-style';
import { weekdays, type BusinessCalendar } from '../service-levels/business-calendar-schema';
import { dayNames, formatHolidayDate, holidaysByYear, periodsText, timeZoneInWords } from './web/describe-calendar';
import { dayMinutes, formatDuration } from './web/format-business-time';

/** The business calendar every clock counts on: the working week, then the holidays by year. */
export function writeCalendarSection(doc: PdfDocumentBuilder, calendar: BusinessCalendar): void {
  doc
    .heading('Working hours and holidays')
    .paragraph(`Service-level clocks run only in these hours, in ${timeZoneInWords(calendar.timeZone)}; they stand still at night, at weekends and on holidays.`, { color: colors.muted });

  doc.heading('Working week', 3).table({
    width: 340,
    keepTogether: true,
    columns: [
      { header: 'Day', width: 30 },
      { header: 'Hours', width: 40 },
      { header: 'Working time', width: 30 },
    ],
    rows: weekdays.map((day) => {
      const periods = calendar.week[day] ?? [];
      return [dayNames[day], periods.length > 0 ? periodsText(periods) : 'Closed', periods.length > 0 ? formatDuration(dayMinutes(periods)) : '—'];
    }),
  });

  doc.heading('Holidays', 3);
  const byYear = holidaysByYear(calendar.holidays);
  if (byYear.size === 0) {
    doc.paragraph('No holidays are listed; every weekday above is a working day.');
    return;
  }
  for (const [year, holidays] of byYear) {
    doc.table({
      caption: `Holidays in ${year}`,
      keepTogether: true,
      width: 340,
      columns: [
        { header: 'Date', width: 32 },
        { header: 'Holiday', width: 68 },
      ],
      rows: holidays.map((holiday) => [
        formatHolidayDate(holiday.date),
        [
          { text: holiday.name, size: typeScale.small + 0.5 },
          ...(holiday.workingPeriods && holiday.workingPeriods.length > 0 ? [{ text: `Open ${periodsText(holiday.workingPeriods)}`, size: typeScale.small, color: colors.muted }] : []),
        ],
      ]),
    });
  }
}
