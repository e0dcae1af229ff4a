import type { DbOrTx } from '../platform/db/database';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import type { Party, PlanParties } from './plan-parties';

// The messages a retention plan (AF-6) causes, queued in the transaction of the change, one key per
// plan, event and recipient. Plain text; the outbox adds the unit's contact details.

const planLink = (publicUrl: string, planId: string) => ({ label: 'Open the retention plan', url: `${publicUrl}/retention-plans/${planId}` });
const courseName = (p: PlanParties) => `${p.course.title} (${p.course.code})`;

/** A new plan: the party who did not start it hears of it (both, when a coordinator started it). */
export async function mailPlanStarted(tx: DbOrTx, ctx: { publicUrl: string }, planId: string, parties: PlanParties, startedBy: { id: string; name: string }): Promise<void> {
  const recipients = [parties.learner, parties.supervisor].filter((p): p is Party => !!p && p.active && p.id !== startedBy.id);
  for (const to of recipients) {
    const isLearner = to.id === parties.learner.id;
    await enqueueMail(tx, {
      to: { email: to.email, name: to.name },
      subject: `Retention plan started: ${parties.course.title}`,
      body: `Hello ${to.name},\n\n${startedBy.name} started a retention plan for ${isLearner ? 'you' : parties.learner.name} after ${courseName(parties)}. It lists an action to apply each course objective on the job and two check-in dates; change whatever does not fit, together.\n\n${isLearner ? 'Your supervisor' : 'You'} confirm${isLearner ? 's' : ''} the objectives are applied when the time comes, and that closes the plan.`,
      links: [planLink(ctx.publicUrl, planId)],
      idempotencyKey: `retention-plan:${planId}:started:${to.id}`,
    });
  }
}

/** The supervisor confirmed the objectives are applied: the learner hears it. */
export async function mailPlanClosed(tx: DbOrTx, ctx: { publicUrl: string }, planId: string, parties: PlanParties, closedBy: { name: string }, note: string | null): Promise<void> {
  if (!parties.learner.active) return;
  await enqueueMail(tx, {
    to: { email: parties.learner.email, name: parties.learner.name },
    subject: `Objectives applied: ${parties.course.title}`,
    body: `Hello ${parties.learner.name},\n\n${closedBy.name} confirmed that you apply the objectives of ${courseName(parties)} on the job, and closed your retention plan. Well done.${note ? `\n\nTheir note: ${note}` : ''}`,
    links: [planLink(ctx.publicUrl, planId)],
    idempotencyKey: `retention-plan:${planId}:closed`,
  });
}

/** A check-in is due today: learner and supervisor each get a reminder (the key is the check-in's, per recipient). */
export async function mailCheckInDue(tx: DbOrTx, ctx: { publicUrl: string }, checkIn: { id: string; planId: string; dueOn: string }, parties: PlanParties, open: { done: number; total: number }): Promise<number> {
  let sent = 0;
  for (const to of [parties.learner, parties.supervisor]) {
    if (!to || !to.active) continue;
    const isLearner = to.id === parties.learner.id;
    await enqueueMail(tx, {
      to: { email: to.email, name: to.name },
      subject: `Check-in today: ${parties.course.title}`,
      body: `Hello ${to.name},\n\nToday (${checkIn.dueOn}) is a check-in of ${isLearner ? 'your' : `${parties.learner.name}’s`} retention plan for ${courseName(parties)}, with ${isLearner ? (parties.supervisor?.name ?? 'the training unit') : parties.learner.name}. ${open.done} of ${open.total} actions are done.\n\nTalk through how applying the objectives is going, then mark the check-in held in the plan, with a note of what you agreed.`,
      links: [planLink(ctx.publicUrl, checkIn.planId)],
      // The day is in the key: a check-in moved to another day is reminded again on that day.
      idempotencyKey: `retention-check-in:${checkIn.id}:${checkIn.dueOn}${isLearner ? '' : ':supervisor'}`,
    });
    sent += 1;
  }
  return sent;
}
