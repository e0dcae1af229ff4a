import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { embedDocumentFonts, type DocumentFonts } from '../platform/pdf/fonts';
import { drawLine, heightOf, layOutRuns, type Line, type TextRun } from '../platform/pdf/lay-out-text';
import { pageSizeOf } from '../platform/pdf/page-geometry';
import { colors } from '../platform/pdf/text-style';
import { contactLines } from '../platform/mail/render-message';
import type { UnitSettings } from '../platform/settings/settings-schemas';
import { formatCertificateCode, verificationUrl } from './certificate-code';
import { formatCompletedOn, formatHours } from './certificate-format';
import type { CertificateRow } from './certificate-view';

// The certificate of completion (AF-2) on one A4 page, landscape: drawn only from the snapshot
// taken at issue, with a fixed creation date and pdf-lib's seeded font tags, so the same
// certificate gives the same bytes every time it is downloaded. The name is the point of the
// page: it is set large and shrinks (then wraps) until it fits, whatever its length or script.

const [pageWidth, pageHeight] = [pageSizeOf.a4[1], pageSizeOf.a4[0]];
const margin = 48;
const innerWidth = pageWidth - 2 * margin;
const qrSize = 92;
const bandHeight = 118;

type Block = { lines: Line[]; center: boolean; spaceAfter: number };

const measure = (font: PDFFont, size: number, text: string) => font.widthOfTextAtSize(text, size);

/** The largest size (down to a floor) at which the runs take at most `maxLines` lines. */
function fitted(fonts: DocumentFonts, make: (size: number) => TextRun[], sizes: number[], width: number, maxLines: number): Line[] {
  for (const size of sizes) {
    const lines = layOutRuns(make(size), width, fonts);
    if (lines.length <= maxLines) return lines;
  }
  return layOutRuns(make(sizes[sizes.length - 1]!), width, fonts);
}

function drawBlock(page: PDFPage, block: Block, left: number, width: number, top: number): number {
  let y = top;
  for (const line of block.lines) {
    const x = block.center ? left + (width - measure(line.font, line.size, line.text)) / 2 : left;
    drawLine(page, line, x, y);
    y -= line.height;
  }
  return y - block.spaceAfter;
}

/** The objectives as "You can now:" and a list, at the largest size that fits `room`; the rest summed up. */
function objectiveLines(fonts: DocumentFonts, objectives: string[], width: number, room: number): Line[] {
  if (objectives.length === 0) return [];
  for (const size of [10, 9, 8, 7.5]) {
    for (let shown = objectives.length; shown >= 1; shown--) {
      const runs: TextRun[] = [{ text: 'You can now:', bold: true, size: size + 0.5, color: colors.accent }];
      for (const o of objectives.slice(0, shown)) runs.push({ text: `•  ${o}`, size });
      if (shown < objectives.length) runs.push({ text: `…and ${objectives.length - shown} more, listed on the verification page.`, size, color: colors.muted });
      const lines = layOutRuns(runs, width, fonts);
      if (heightOf(lines) <= room || (size === 7.5 && shown === 1)) return lines;
      if (size !== 7.5) break; // try a smaller size before dropping any objective
    }
  }
  return [];
}

export type CertificatePdfInput = Pick<CertificateRow, 'code' | 'learnerName' | 'courseCode' | 'courseTitle' | 'completedOn' | 'durationMinutes' | 'objectives' | 'issuedAt'>;

export async function renderCertificatePdf(cert: CertificatePdfInput, unit: UnitSettings, publicUrl: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedDocumentFonts(pdf);
  const page = pdf.addPage([pageWidth, pageHeight]);
  const url = verificationUrl(publicUrl, cert.code);

  // A frame, so a printout reads as a certificate and not as a letter.
  page.drawRectangle({ x: 20, y: 20, width: pageWidth - 40, height: pageHeight - 40, borderColor: colors.accent, borderWidth: 2 });
  page.drawRectangle({ x: 26, y: 26, width: pageWidth - 52, height: pageHeight - 52, borderColor: colors.rule, borderWidth: 0.75 });

  const blocks: Block[] = [
    { lines: layOutRuns([{ text: `${unit.unitName} · ${unit.organizationName}`, bold: true, size: 11, color: colors.accent }], innerWidth, fonts), center: true, spaceAfter: 10 },
    { lines: layOutRuns([{ text: 'Certificate of completion', bold: true, size: 26, color: colors.accent }], innerWidth, fonts), center: true, spaceAfter: 10 },
    { lines: layOutRuns([{ text: 'This certifies that', size: 11, color: colors.muted }], innerWidth, fonts), center: true, spaceAfter: 4 },
    { lines: fitted(fonts, (size) => [{ text: cert.learnerName, bold: true, size }], [30, 26, 22, 18], innerWidth - 40, 1), center: true, spaceAfter: 4 },
    { lines: layOutRuns([{ text: 'has completed', size: 11, color: colors.muted }], innerWidth, fonts), center: true, spaceAfter: 4 },
    { lines: fitted(fonts, (size) => [{ text: cert.courseTitle, bold: true, size }], [17, 15, 13], innerWidth - 40, 2), center: true, spaceAfter: 2 },
    {
      lines: layOutRuns([{ text: `Course ${cert.courseCode} · completed on ${formatCompletedOn(cert.completedOn)} · ${formatHours(cert.durationMinutes)}`, size: 11 }], innerWidth, fonts),
      center: true,
      spaceAfter: 12,
    },
  ];
  let y = pageHeight - margin - 4;
  for (const block of blocks) y = drawBlock(page, block, margin, innerWidth, y);

  // The objectives: what the learner can now do, between the heading part and the bottom band.
  const bandTop = margin + bandHeight;
  const listWidth = Math.min(innerWidth, 560);
  const listLeft = (pageWidth - listWidth) / 2;
  const objectives = objectiveLines(fonts, cert.objectives, listWidth, y - bandTop - 8);
  if (objectives.length) {
    page.drawLine({ start: { x: listLeft, y: y + 4 }, end: { x: listLeft + listWidth, y: y + 4 }, thickness: 0.5, color: colors.rule });
    drawBlock(page, { lines: objectives, center: false, spaceAfter: 0 }, listLeft, listWidth, y - 4);
  }

  // The bottom band: how to check the certificate (code, QR, its address) and whom to ask.
  const qr = await pdf.embedPng(await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 }));
  const qrLeft = pageWidth - margin - qrSize;
  const qrBottom = margin + 12;
  page.drawImage(qr, { x: qrLeft, y: qrBottom, width: qrSize, height: qrSize });
  const textWidth = qrLeft - margin - 16;
  const verify: TextRun[] = [
    { text: `Verification code ${formatCertificateCode(cert.code)}`, bold: true, size: 10 },
    { text: `Anyone can check this certificate by scanning the code or at ${url}`, size: 8.5, color: colors.muted },
  ];
  const contact = contactLines(unit).map((text, i): TextRun => ({ text, bold: i === 0, size: 7.5, color: colors.muted }));
  const band = [...layOutRuns(verify, textWidth, fonts), ...layOutRuns(contact, textWidth, fonts)];
  page.drawLine({ start: { x: margin, y: bandTop }, end: { x: margin + innerWidth, y: bandTop }, thickness: 0.5, color: colors.rule });
  drawBlock(page, { lines: band, center: false, spaceAfter: 0 }, margin, textWidth, bandTop - 8);
  // The address in full under the QR, in a size that fits its width.
  let urlSize = 6.5;
  while (urlSize > 4 && measure(fonts.regular, urlSize, url) > qrSize + 30) urlSize -= 0.25;
  const urlLines = layOutRuns([{ text: url, size: urlSize, color: colors.muted }], qrSize + 30, fonts);
  drawBlock(page, { lines: urlLines, center: true, spaceAfter: 0 }, qrLeft - 15, qrSize + 30, qrBottom - 1);

  pdf.setTitle(`Certificate of completion: ${cert.courseTitle} — ${cert.learnerName}`, { showInWindowTitleBar: true });
  pdf.setAuthor(unit.unitName);
  pdf.setSubject(`${cert.courseCode} ${cert.courseTitle}`);
  pdf.setKeywords(['certificate', cert.courseCode, formatCertificateCode(cert.code)]);
  pdf.setCreator('Stride');
  pdf.setProducer('Stride (pdf-lib)');
  pdf.setLanguage('en');
  pdf.setCreationDate(cert.issuedAt);
  pdf.setModificationDate(cert.issuedAt);
  return pdf.save();
}
