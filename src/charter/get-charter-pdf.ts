import { createHash } from 'node:crypto';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import type { PaperSize } from '../platform/pdf/page-geometry';
import type { UnitSettings } from '../platform/settings/settings-schemas';
import { getUnitSettings } from '../platform/settings/unit-settings';
import { renderCharterPdf } from './charter-pdf';
import type { CharterView } from './charter-view-schemas';
import { getCharterInForce } from './get-charter-in-force';
import { getCharterVersion } from './get-charter-version';

export type CharterPdf = { filename: string; bytes: Uint8Array };

// Laying out a charter takes a tenth of a second or more, and everyone downloads the same one: a
// file is kept for what it was made from (the version as read, its status and publisher's name
// included, the unit's contact details, the paper), so any change makes a new one. Bounded, and a
// failed rendering is not kept.
const kept = new Map<string, Promise<Uint8Array>>();
const keepAtMost = 12;

function rendered(charter: CharterView, unit: UnitSettings, paper: PaperSize, now: Date): Promise<Uint8Array> {
  const key = createHash('sha256').update(JSON.stringify({ charter, unit, paper })).digest('hex');
  let pdf = kept.get(key);
  if (pdf) kept.delete(key);
  else pdf = renderCharterPdf({ charter, unit, paper, now });
  kept.set(key, pdf);
  pdf.catch(() => kept.delete(key));
  for (const oldest of kept.keys()) {
    if (kept.size <= keepAtMost) break;
    kept.delete(oldest);
  }
  return pdf;
}

async function pdfOf(db: DbOrTx, clock: Clock, charter: CharterView, paper: PaperSize): Promise<CharterPdf> {
  const bytes = await rendered(charter, await getUnitSettings(db), paper, clock.now());
  return { filename: `charter-v${charter.version}.pdf`, bytes };
}

/** CH-1: the charter in force as a PDF, to print or pass on; not found until one is published. */
export async function getCharterInForcePdf(db: DbOrTx, clock: Clock, paper: PaperSize): Promise<CharterPdf> {
  return pdfOf(db, clock, await getCharterInForce(db, clock), paper);
}

/** One version as a PDF, read by the same rule as its page: a draft only for the charter's editors. */
export async function getCharterVersionPdf(db: DbOrTx, clock: Clock, actor: Actor, version: number, paper: PaperSize): Promise<CharterPdf> {
  const { changes: _changes, ...charter } = await getCharterVersion(db, actor, version);
  return pdfOf(db, clock, charter, paper);
}
