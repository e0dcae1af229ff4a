import { certificates } from './schema';
import { formatCertificateCode } from './certificate-code';
import type { VerificationView } from './certificate-schemas';

export type CertificateRow = typeof certificates.$inferSelect;

export function toVerification(row: CertificateRow): VerificationView {
  return {
    status: row.revokedAt ? 'withdrawn' : 'valid',
    code: formatCertificateCode(row.code),
    learnerName: row.learnerName,
    courseCode: row.courseCode,
    courseTitle: row.courseTitle,
    completedOn: row.completedOn,
    durationMinutes: row.durationMinutes,
    objectives: row.objectives,
    withdrawnOn: row.revokedAt ? row.revokedAt.toISOString().slice(0, 10) : null,
  };
}
