import { PdfDocumentBuilder } from '../platform/pdf/pdf-document-builder';
import type { PaperSize } from '../platform/pdf/page-geometry';
import { colors, typeScale } from '../platform/pdf/text-style';
import { roleLabels } from '../platform/auth/roles';
import type { UnitSettings } from '../platform/settings/settings-schemas';
import type { CharterView } from './charter-view-schemas';
import { writeCalendarSection } from './charter-pdf-calendar';
import { writeServiceLevelsSection } from './charter-pdf-service-levels';

// CH-1: the charter on paper. The same sections, in the same order and words, as the page
// (web/charter-document.tsx); a change to one belongs in the other.

export type CharterPdfOptions = { charter: CharterView; unit: UnitSettings; paper: PaperSize; now: Date };

const statusNotes: Record<CharterView['status'], string | undefined> = {
  published: undefined,
  superseded: 'An earlier version: no longer in force, kept so anyone can see what was promised when.',
  draft: 'A draft, not yet published: nobody is held to this version until it is.',
};

/** "Mar 2, 2026" on the charter's own calendar, so the date is the unit's, not the server's. */
function publishedOn(iso: string, timeZone: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  }
}

export function charterPdfTitle(charter: Pick<CharterView, 'version'>, unit: Pick<UnitSettings, 'unitName'>): string {
  return `${unit.unitName} service charter, version ${charter.version}`;
}

export async function renderCharterPdf({ charter, unit, paper, now }: CharterPdfOptions): Promise<Uint8Array> {
  const { content, calendar } = charter;
  const doc = await PdfDocumentBuilder.create({
    paper,
    unit,
    metadata: {
      title: charterPdfTitle(charter, unit),
      author: unit.unitName,
      subject: `What ${unit.unitName} offers, how it handles your requests and by whom, and the service levels it promises to keep.`,
      keywords: ['service charter', `version ${charter.version}`, unit.organizationName],
      creationDate: now,
    },
  });

  doc.heading('Our service charter', 1);
  const published = charter.publishedAt
    ? `Published ${publishedOn(charter.publishedAt, calendar.timeZone)}${charter.publishedBy ? ` by ${charter.publishedBy.name}` : ''}`
    : 'Not published yet';
  doc.paragraph([{ text: `${unit.unitName} · ${unit.organizationName}`, bold: true }, { text: `Version ${charter.version} · ${published}`, color: colors.muted }], { spaceAfter: 2 });
  const note = statusNotes[charter.status];
  if (note) doc.paragraph(note, { size: typeScale.small, bold: true, spaceAfter: 2 });
  if (charter.changeSummary) doc.paragraph(charter.changeSummary, { size: typeScale.small, color: colors.muted });

  doc.heading('Our purpose').paragraphs(content.introduction);

  doc.heading('Products and services').paragraph('What we offer the people and business units of the organization.', { color: colors.muted });
  doc.list(content.productsAndServices.map((offering) => ({ title: offering.name, text: offering.description })));

  doc.heading('How we handle requests').paragraph('For each kind of request: what happens, who looks at it first, and who decides.', { color: colors.muted });
  for (const handling of content.requestHandling) {
    doc.heading(handling.requestType, 3).paragraphs(handling.description);
    doc.table({
      columns: [
        { header: 'Triaged by', width: 22 },
        { header: 'Decided by', width: 22 },
        { header: 'In plain words', width: 56 },
      ],
      rows: [[[{ text: roleLabels[handling.triagedBy], bold: true }], [{ text: roleLabels[handling.decidedBy], bold: true }], handling.who || '—']],
    });
  }

  doc.heading('Working in partnership').paragraphs(content.partnership.summary);
  if (content.partnership.steps.length > 0) doc.list(content.partnership.steps.map((step) => ({ title: step.title, text: step.description })), { numbered: true });

  writeServiceLevelsSection(doc, charter.serviceLevels, calendar);
  writeCalendarSection(doc, calendar);

  if (content.closing) doc.heading('Our commitment').paragraphs(content.closing);
  return doc.save();
}
