import type { DbOrTx } from '../platform/db/database';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import type { RespondentRole } from './follow-up-values';

// The follow-up's messages (AF-4): the invitation when the form opens and at most two reminders.
// Plain text; the outbox adds the unit's contact details. One key per enrolment, role and message,
// so a replayed job queues each once.

export type FollowUpMail = {
  enrolmentId: string;
  role: RespondentRole;
  to: { name: string; email: string };
  learnerName: string;
  courseTitle: string;
  objectives: string[];
  closesAt: Date;
  publicUrl: string;
};

const day = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
const list = (objectives: string[]) => objectives.map((o) => `- ${o}`).join('\n');

function question(m: FollowUpMail): string {
  return m.role === 'learner'
    ? `How is applying what you learned in “${m.courseTitle}” going? For each objective below, tell us whether you can now do it at work — met, partly or not met — with an example if one comes to mind.`
    : `${m.learnerName} completed “${m.courseTitle}”. What have you observed in their work since? For each objective below, tell us whether you see it applied — met, partly or not met — with an example if one comes to mind.`;
}

/**
 * The invitation carries the single-use link (`token`). Only the token's hash is kept, so a reminder
 * cannot repeat it: it points to the first message and to the same form behind a sign-in
 * (`followUpId`), rather than replacing the token and breaking the link already in the inbox.
 */
export async function mailFollowUp(tx: DbOrTx, m: FollowUpMail, how: { token: string } | { reminder: number; followUpId: string; openedAt: Date }): Promise<void> {
  const reminder = 'reminder' in how ? how.reminder : 0;
  const lead = 'reminder' in how ? `A reminder: we have not heard from you yet, and your answer matters. Use the link in our message of ${day(how.openedAt)}, or sign in to Stride with the link below.\n\n` : '';
  const link = 'token' in how ? { label: 'Answer the follow-up', url: `${m.publicUrl}/follow-up/${how.token}` } : { label: 'Sign in and answer', url: `${m.publicUrl}/follow-ups/${how.followUpId}` };
  await enqueueMail(tx, {
    to: m.to,
    subject: `${reminder ? 'Reminder: ' : ''}${m.role === 'learner' ? 'How is it going' : `What have you seen of ${m.learnerName}’s learning`} — ${m.courseTitle}`,
    body: `Hello ${m.to.name},\n\n${lead}${question(m)}\n\n${list(m.objectives)}\n\nIt takes three minutes. Criticism helps us most: if something did not work, say so. An objective not met means the training unit's coordinator gets in touch to see what would help — more training is only one option.\n\nThe form is open until ${day(m.closesAt)}.${'token' in how ? ' The link is yours alone and works once.' : ''}`,
    links: [link],
    idempotencyKey: `follow-up:${m.enrolmentId}:${m.role}${reminder ? `:reminder:${reminder}` : ''}`,
  });
}
