import { like } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import { fixedClock, type Clock } from '../platform/clock';
import { outbox } from '../platform/mail/schema';
import { findPersonById } from '../people/find-people';
import { submitSuggestion } from './submit-suggestion';
import { answerSuggestion, escalateSuggestion } from './review-suggestion';
import { decideSuggestion } from './decide-suggestion';
import { remindWaitingReviewers } from './remind-reviewers';

// Suggestions from the front line at every step (FB-2): waiting for the manager (one long enough
// that the manager was reminded), escalated and waiting for leadership, adopted, piloted, declined
// with a reason, and answered "why not" by the manager. The learner of the demo (Jasmine Carter)
// has her own at several steps, and her manager (Marcus Johnson) has one to review.

const DAY = 86_400_000;
type Demo = {
  from: string;
  daysAgo: number;
  title: string;
  idea: string;
  benefit: string;
  review?: { escalate: string } | { answer: string };
  decide?: { decision: 'adopt' | 'pilot' | 'decline'; reason: string };
};

const demo: Demo[] = [
  { from: 'N0100', daysAgo: 25, title: 'Call back customers after long outages', idea: 'After an outage of more than a day, agents call the affected customers to check their service is back and explain what happened.', benefit: 'Customers hear from us before they have to call; fewer angry repeat calls.', review: { escalate: 'Repeat calls after outages are our worst number. This costs a few hours per outage.' }, decide: { decision: 'adopt', reason: 'Adopted for every outage over 24 hours from January; Rebecca Thompson’s team owns it.' } },
  { from: 'N0100', daysAgo: 8, title: 'A shared list of fault-code explanations', idea: 'Keep one page of the new meter fault codes in plain words that agents can read out to customers.', benefit: 'Customers get the same answer whoever they reach, and calls are shorter.', review: { escalate: 'Field and call centre both want this; it needs someone to own the page.' } },
  { from: 'N0100', daysAgo: 2, title: 'Let customers pick a two-hour window for meter visits', idea: 'Offer two-hour windows instead of “between 8 and 5” when booking a meter exchange.', benefit: 'Customers do not lose a day of work waiting for us.' },
  { from: 'N0102', daysAgo: 9, title: 'Texts when an engineer is on the way', idea: 'Send a text with the engineer’s arrival time when they leave the previous job.', benefit: 'Customers can plan; fewer missed appointments.' },
  { from: 'N0103', daysAgo: 30, title: 'Plain-language bills for the first month', idea: 'New customers get a one-page explanation with their first bill.', benefit: 'Fewer “why is my first bill so high” calls.', review: { escalate: 'A quarter of new-customer calls are about the first bill.' }, decide: { decision: 'pilot', reason: 'Pilot with new customers in the Albany district for three months; Finance measures the call volume.' } },
  { from: 'N0124', daysAgo: 21, title: 'Second van for the north district at weekends', idea: 'Keep a second van on call at weekends in the north district.', benefit: 'Weekend faults fixed on the day instead of Monday.', review: { escalate: 'Weekend fault times in the north are twice the south’s.' }, decide: { decision: 'decline', reason: 'Not this year: the budget is committed to the storm-hardening programme. We will look at weekend response again in the spring review.' } },
  { from: 'N0125', daysAgo: 15, title: 'Skip the safety briefing for experienced crews', idea: 'Crews with five years or more could skip the morning safety briefing.', benefit: 'Saves twenty minutes a day.', review: { answer: 'The briefing is where we share the day’s hazards, which change daily; experience does not cover today’s live lines. Let us make it shorter instead — bring ideas to Friday’s team meeting.' } },
];

export async function seedDemoSuggestions(tx: DbOrTx, clock: Clock, ids: ReadonlyMap<string, string>): Promise<void> {
  const now = clock.now();
  const db = tx as unknown as Db; // the use cases open savepoints inside the seeding transaction
  const person = async (employeeId: string) => (await findPersonById(tx, ids.get(employeeId)!))!;
  const leader = await person('N0001');
  for (const s of demo) {
    const submitter = await person(s.from);
    const submittedAt = new Date(now.getTime() - s.daysAgo * DAY);
    const view = await submitSuggestion(db, fixedClock(submittedAt), 'http://localhost', submitter, { title: s.title, idea: s.idea, benefit: s.benefit });
    if (!s.review) continue;
    const manager = view.reviewer ? (await findPersonById(tx, view.reviewer.id))! : leader;
    const reviewedAt = fixedClock(new Date(submittedAt.getTime() + 2 * DAY));
    if ('escalate' in s.review) await escalateSuggestion(db, reviewedAt, 'http://localhost', manager, view.id, s.review.escalate);
    else await answerSuggestion(db, reviewedAt, 'http://localhost', manager, view.id, s.review.answer);
    if (s.decide) await decideSuggestion(db, fixedClock(new Date(submittedAt.getTime() + 6 * DAY)), 'http://localhost', leader, view.id, s.decide);
  }
  // The suggestion left waiting more than a week: its manager was reminded (once).
  await remindWaitingReviewers({ db, clock, publicUrl: 'http://localhost' });
  await tx.delete(outbox).where(like(outbox.idempotencyKey, 'suggestion:%'));
}
