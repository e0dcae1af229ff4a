import type { PdfDocumentBuilder } from '../platform/pdf/pdf-document-builder';
import type { TextRun } from '../platform/pdf/lay-out-text';
import { colors, typeScale } from '../platform/pdf/text-style';
import { roleLabels } from '../platform/auth/roles';
import type { BusinessCalendar } from '../service-levels/business-calendar-schema';
import type { CharterView } from './charter-view-schemas';
import { clockInWords, matchInWords } from './web/describe-clock';
import { formatBusinessMinutes, formatDuration, workingDayMinutes } from './web/format-business-time';

type Level = CharterView['serviceLevels'][number];

const small = typeScale.small + 0.5;

function levelCell(level: Level): TextRun[] {
  const appliesTo = matchInWords(level.match);
  return [
    { text: level.name, bold: true, size: small },
    { text: level.description, size: small, color: colors.muted },
    ...(appliesTo ? [{ text: appliesTo, size: typeScale.small, color: colors.muted }] : []),
  ];
}

function clockCell(level: Level): TextRun[] {
  const clock = clockInWords(level);
  return [
    { text: `Starts: ${clock.starts}`, size: small },
    { text: `Stops: ${clock.stops}`, size: small },
    ...(clock.pauses ? [{ text: `Pauses: ${clock.pauses}`, size: small }] : []),
  ];
}

/** Each promise with its target in working time and, in words, what starts and stops its clock. */
export function writeServiceLevelsSection(doc: PdfDocumentBuilder, levels: readonly Level[], calendar: BusinessCalendar): void {
  const workingDay = workingDayMinutes(calendar);
  doc.heading('Service levels').paragraph(
    workingDay > 0
      ? `The promises we measure ourselves by. Targets count working time only — a working day is ${formatDuration(workingDay)}, as in the working hours below.`
      : 'The promises we measure ourselves by. Targets count working time only, as in the working hours below.',
    { color: colors.muted },
  );
  if (levels.length === 0) {
    doc.paragraph('This version of the charter sets no service levels.');
    return;
  }
  doc.table({
    caption: `${levels.length} service level${levels.length === 1 ? '' : 's'}; the owner is warned before a target is missed.`,
    columns: [
      { header: 'Service level', width: 34 },
      { header: 'Target', width: 15 },
      { header: 'The clock', width: 35 },
      { header: 'Owner', width: 16 },
    ],
    rows: levels.map((level) => [
      levelCell(level),
      [{ text: formatBusinessMinutes(level.targetMinutes, workingDay), bold: true, size: small, color: colors.accent }],
      clockCell(level),
      [
        { text: roleLabels[level.ownerRole], bold: true, size: small },
        { text: `Warned at ${Math.round(level.atRiskShare * 100)}% of the target`, size: typeScale.small, color: colors.muted },
      ],
    ]),
  });
}
