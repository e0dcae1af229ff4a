import { desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db, DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { getUnitSettings } from '../platform/settings/unit-settings';
import { people } from '../people/schema';
import { actsFor, relationTo } from '../enrolment/enrolment-access';
import { runsEnrolments } from '../enrolment/enrolment-staff';
import { enrolments } from '../enrolment/schema';
import { verificationUrl } from './certificate-code';
import { renderCertificatePdf } from './certificate-pdf';
import { toVerification, type CertificateRow } from './certificate-view';
import type { CertificateView } from './certificate-schemas';
import { certificates } from './schema';

// A certificate is the learner's, their supervisors' (anyone above them in the org chart) and the
// training unit's: the same people who act for the enrolment. Anyone else gets 404, as if there
// were none (decision 005); the public sees only the verification page.

export const notFound = () => AppError.notFound('This certificate');

type Seen = { row: CertificateRow; personId: string };

async function visible(db: DbOrTx, actor: Actor, row: CertificateRow | undefined): Promise<Seen> {
  if (!row) throw notFound();
  const [enrolment] = await db.select({ personId: enrolments.personId }).from(enrolments).where(eq(enrolments.id, row.enrolmentId));
  if (!enrolment || !actsFor(await relationTo(db, actor, enrolment.personId, null))) throw notFound();
  return { row, personId: enrolment.personId };
}

export async function findVisibleCertificate(db: DbOrTx, actor: Actor, id: string): Promise<Seen> {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, id));
  return visible(db, actor, row);
}

export async function certificateView(db: DbOrTx, actor: Actor, { row, personId }: Seen, publicUrl: string): Promise<CertificateView> {
  const [revoker] = row.revokedBy ? await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, row.revokedBy)) : [];
  return {
    ...toVerification(row),
    id: row.id,
    enrolmentId: row.enrolmentId,
    personId,
    issuedAt: row.issuedAt.toISOString(),
    verificationUrl: verificationUrl(publicUrl, row.code),
    revoked: row.revokedAt && row.revokedReason ? { at: row.revokedAt.toISOString(), by: revoker ?? null, reason: row.revokedReason } : null,
    canRevoke: !row.revokedAt && runsEnrolments(actor),
  };
}

export async function getCertificate(db: Db, actor: Actor, id: string, publicUrl: string): Promise<CertificateView> {
  return certificateView(db, actor, await findVisibleCertificate(db, actor, id), publicUrl);
}

/** The certificate of an enrolment (for its card in My learning); 404 while none is issued. */
export async function getEnrolmentCertificate(db: Db, actor: Actor, enrolmentId: string, publicUrl: string): Promise<CertificateView> {
  // The valid one, or else the latest withdrawn one (its page says so).
  const [row] = await db.select().from(certificates).where(eq(certificates.enrolmentId, enrolmentId)).orderBy(sql`${certificates.revokedAt} IS NULL DESC`, desc(certificates.issuedAt)).limit(1);
  return certificateView(db, actor, await visible(db, actor, row), publicUrl);
}

export type CertificatePdf = { filename: string; bytes: Uint8Array };

/** Drawn again from the snapshot: the same bytes as the copy that was mailed, whenever asked. */
export async function getCertificatePdf(db: Db, actor: Actor, id: string, publicUrl: string): Promise<CertificatePdf> {
  const { row } = await findVisibleCertificate(db, actor, id);
  const bytes = await renderCertificatePdf(row, await getUnitSettings(db), publicUrl);
  return { filename: `certificate-${row.courseCode}-${row.code}.pdf`.replace(/[^\w.-]+/g, '-'), bytes };
}
