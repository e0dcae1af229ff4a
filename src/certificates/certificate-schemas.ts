import { z } from 'zod';

// The shapes the certificate API answers with, shared by the server and the web pages (no server imports here).

// What the public verification answers: exactly what the paper shows, and whether it still holds.
// Never the e-mail, the person's or the enrolment's id, nor who withdrew it or why.
export const verificationView = z
  .object({
    status: z.enum(['valid', 'withdrawn']),
    code: z.string(),
    learnerName: z.string(),
    courseCode: z.string(),
    courseTitle: z.string(),
    completedOn: z.string(),
    durationMinutes: z.number().int(),
    objectives: z.array(z.string()),
    withdrawnOn: z.string().nullable(),
  })
  .meta({ id: 'CertificateVerification' });
export type VerificationView = z.infer<typeof verificationView>;

export const certificateView = verificationView
  .extend({
    id: z.uuid(),
    enrolmentId: z.uuid(),
    personId: z.uuid(),
    issuedAt: z.string(),
    verificationUrl: z.string(),
    revoked: z.object({ at: z.string(), by: z.object({ id: z.uuid(), name: z.string() }).nullable(), reason: z.string() }).nullable(),
    canRevoke: z.boolean(),
  })
  .meta({ id: 'Certificate' });
export type CertificateView = z.infer<typeof certificateView>;

export const revokeInput = z.object({
  reason: z.string('Say why the certificate is withdrawn.').trim().min(5, 'Say why the certificate is withdrawn, in a few words.').max(1000, 'Keep the reason under 1,000 characters.'),
});
export type RevokeInput = z.infer<typeof revokeInput>;

export const codeParam = z.object({ code: z.string().max(64, 'A verification code is 12 characters.') });
