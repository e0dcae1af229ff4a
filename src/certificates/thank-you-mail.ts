import type { DbOrTx } from '../platform/db/database';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import type { UnitSettings } from '../platform/settings/settings-schemas';
import { formatCertificateCode, verificationUrl } from './certificate-code';
import { formatCompletedOn } from './certificate-format';
import type { CertificateRow } from './certificate-view';

// The thank-you with the certificate (AF-3): a reminder of what the course set out to make the
// learner able to do, and the help there is if they are not there yet, before the follow-up asks.
// No offer of further courses: more training is never the default answer.

export type ThankYou = {
  certificate: CertificateRow;
  pdf: Uint8Array;
  to: { name: string; email: string };
  hasSupervisor: boolean;
  followUpDays: number;
  /** A certificate after a withdrawn one (the completion was reopened and reached again). */
  reissue?: boolean;
  unit: UnitSettings;
  publicUrl: string;
};

export const thankYouKey = (enrolmentId: string) => `certificate:${enrolmentId}`;

export function thankYouBody({ certificate: c, to, hasSupervisor, followUpDays, unit, publicUrl }: Omit<ThankYou, 'pdf'>): string {
  const base = publicUrl.replace(/\/+$/, '');
  const objectives = c.objectives.length
    ? `The course set out to make you able to:\n${c.objectives.map((o) => `- ${o}`).join('\n')}`
    : 'The course’s description says what it set out to make you able to do.';
  const who = hasSupervisor ? 'you and your supervisor will each be asked' : 'you will be asked';
  return [
    `Hello ${to.name},`,
    `Thank you for taking part in ${c.courseTitle} (${c.courseCode}), completed on ${formatCompletedOn(c.completedOn)}. Your certificate of completion is attached.`,
    objectives,
    `If you are not there yet on some of these, that is common, and there is help: a practice session or lab, a job aid to keep at hand, or coaching or mentoring, arranged through ${unit.unitName}. Tell us what is hard, by mail at ${unit.contactEmail}, by phone at ${unit.contactPhone}, or on the questions page: ${base}/questions/ask`,
    `In ${followUpDays} days ${who}, objective by objective, how applying it is going. Say what did not work as well as what did: criticism helps us most.`,
    `Whoever you show your certificate to can check it at ${verificationUrl(base, c.code)} (code ${formatCertificateCode(c.code)}).`,
  ].join('\n\n');
}

/** Queued in the transaction that issues the certificate; one per enrolment, however often the job runs. */
export async function mailThankYou(tx: DbOrTx, mail: ThankYou): Promise<void> {
  const base = mail.publicUrl.replace(/\/+$/, '');
  const c = mail.certificate;
  await enqueueMail(tx, {
    to: mail.to,
    subject: `Thank you, and your certificate: ${c.courseTitle}`,
    body: thankYouBody(mail),
    links: [
      { label: 'Your certificate', url: `${base}/certificates/${c.id}` },
      { label: 'Check the certificate', url: verificationUrl(base, c.code) },
      { label: 'Ask for support', url: `${base}/questions/ask` },
    ],
    attachments: [{ filename: `certificate-${c.courseCode}-${formatCertificateCode(c.code)}.pdf`.replace(/[^\w.-]+/g, '-'), contentType: 'application/pdf', content: Buffer.from(mail.pdf).toString('base64'), encoding: 'base64' }],
    idempotencyKey: mail.reissue ? `${thankYouKey(c.enrolmentId)}:${c.code}` : thankYouKey(c.enrolmentId),
  });
}
