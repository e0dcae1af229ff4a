import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { normalizeCertificateCode } from './certificate-code';
import { toVerification } from './certificate-view';
import type { VerificationView } from './certificate-schemas';
import { certificates } from './schema';

// The public check behind the QR code (AF-2): anyone, signed in or not, learns whether a code
// belongs to a certificate, and then only what the paper itself shows. A malformed code is looked
// up like any other (a value that matches nothing), so every miss costs one indexed query and
// answers the same words: the timing says no more than the answer.
const missing = '~';

export async function verifyCertificate(db: Db, input: string): Promise<VerificationView> {
  const code = normalizeCertificateCode(input) ?? missing;
  const [row] = await db.select().from(certificates).where(eq(certificates.code, code));
  if (!row) throw new AppError('not_found', 'No certificate has this code.');
  return toVerification(row);
}
