import type { DbOrTx } from '../platform/db/database';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { findPersonById } from '../people/find-people';
import { referenceOf, type RequestRow } from './read-request';

// Mails about a request (RQ-5), queued in the transaction of the change, keyed so a retry sends
// once. The outbox adds the unit's contact details under every message.

const link = (publicUrl: string, r: RequestRow) => ({ label: `Open ${referenceOf(r.number)}`, url: `${publicUrl}/requests/${r.id}` });

/** The requester reads the recommendation — and, where training is not (only) the answer, why. */
export async function mailRecommendation(tx: DbOrTx, publicUrl: string, r: RequestRow, version: number, summary: string, explanation: string): Promise<void> {
  const to = await findPersonById(tx, r.requesterId);
  if (!to?.active) return;
  const why = explanation ? `\n\nWhy, and the alternatives:\n${explanation}` : '';
  await enqueueMail(tx, {
    to: { email: to.email, name: to.name },
    subject: `${referenceOf(r.number)} ${r.title}: our recommendation${version > 1 ? ` (version ${version})` : ''}`,
    body: `Hello ${to.name},\n\nWe have looked at the causes behind your request and recommend:\n${summary}${why}\n\nPlease accept it, or tell us what you would like to discuss: the link below opens the request, with a printable explanation.`,
    links: [link(publicUrl, r), { label: 'Print the explanation', url: `${publicUrl}/requests/${r.id}/explanation` }],
    idempotencyKey: `training-request:${r.id}:recommended:${version}`,
  });
}

/** The owner hears the requester's answer: accepted, or a wish to discuss with what to change. */
export async function mailResponse(tx: DbOrTx, publicUrl: string, r: RequestRow, version: number, response: 'accepted' | 'discuss', note: string): Promise<void> {
  const owner = r.ownerId ? await findPersonById(tx, r.ownerId) : undefined;
  if (!owner?.active) return;
  const requester = await findPersonById(tx, r.requesterId);
  const what = response === 'accepted' ? 'accepted your recommendation' : 'would like to discuss your recommendation';
  await enqueueMail(tx, {
    to: { email: owner.email, name: owner.name },
    subject: `${referenceOf(r.number)} ${r.title}: ${response === 'accepted' ? 'recommendation accepted' : 'the requester wants to discuss'}`,
    body: `Hello ${owner.name},\n\n${requester?.name ?? 'The requester'} ${what} (version ${version}).${note ? `\n\nTheir words:\n${note}` : ''}`,
    links: [link(publicUrl, r)],
    idempotencyKey: `training-request:${r.id}:response:${version}`,
  });
}
