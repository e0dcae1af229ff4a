import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { runsEnrolments } from '../enrolment/enrolment-staff';
import type { CertificateView, RevokeInput } from './certificate-schemas';
import { certificateView, findVisibleCertificate } from './read-certificate';
import { certificates } from './schema';

/**
 * A coordinator withdraws a certificate issued in error (attendance recorded wrongly): it stays on
 * record, and from now on verifies as withdrawn. Withdrawing is final; a corrected completion is
 * a matter for the enrolment, not for un-withdrawing.
 */
export async function revokeCertificate(deps: { db: Db; clock: Clock; publicUrl: string }, actor: Actor, id: string, input: RevokeInput): Promise<CertificateView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(certificates).where(eq(certificates.id, id)).for('update');
    const seen = await findVisibleCertificate(tx, actor, locked?.id ?? id);
    if (!runsEnrolments(actor)) throw AppError.forbidden('Certificates are withdrawn by the training unit’s coordinators.');
    if (seen.row.revokedAt) throw new AppError('conflict', 'This certificate was already withdrawn.');
    const [row] = await tx.update(certificates).set({ revokedAt: now, revokedBy: actor.id, revokedReason: input.reason }).where(eq(certificates.id, id)).returning();
    await recordAudit(tx, { actorId: actor.id, action: 'certificate.revoked', entity: 'certificate', entityId: id, before: { revokedAt: null }, after: { revokedAt: now.toISOString(), reason: input.reason } });
    return certificateView(tx, actor, { row: row!, personId: seen.personId }, deps.publicUrl);
  });
}
