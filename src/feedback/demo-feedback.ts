import { like } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import { fixedClock, type Clock } from '../platform/clock';
import { outbox } from '../platform/mail/schema';
import { findPersonById } from '../people/find-people';
import { findVersionInForce } from '../charter/find-version-in-force';
import { addBusinessTime, nextWorkingMoment } from '../service-levels/business-calendar';
import type { FeedbackCategory, FeedbackKind } from './schema';
import { submitFeedback } from './submit-feedback';
import { acknowledgeFeedback } from './acknowledge-feedback';
import { addFeedbackNote } from './add-feedback-note';
import { respondToFeedback } from './respond-to-feedback';
import { closeFeedback } from './close-feedback';
import { replyByLink } from './reply-by-link';

// Feedback in every state (FB-1), over half a year so the trend has a shape: complaints closed with
// the sender's agreement, one responded and waiting for the sender, one under investigation, one
// acknowledged, one just in and not yet acknowledged, and compliments. Each step runs through the
// use cases on a clock set to its moment in working time, so the clocks tell the same story
// whatever day the demo loads. Mails are history: dropped at the end.

const DAY = 86_400_000;
type Step = 'received' | 'acknowledged' | 'investigating' | 'responded' | 'closed';
type DemoFeedback = {
  daysAgo: number;
  kind: FeedbackKind;
  category: FeedbackCategory;
  about: string;
  body: string;
  /** Employee id of a named sender; anonymous without one. */
  from?: string;
  upTo: Step;
  /** Working hours from receipt to acknowledgement, and to the response. */
  ackHours?: number;
  respondHours?: number;
  note?: string;
  response?: string;
};

const items: DemoFeedback[] = [
  { daysAgo: 170, kind: 'complaint', category: 'enrolment', about: 'Excel for month-end', body: 'My approval sat with my manager for two weeks and I lost my seat.', upTo: 'closed', ackHours: 3, respondHours: 30, response: 'Approvals now remind the supervisor after two days, and a held seat waits for the approval.' },
  { daysAgo: 150, kind: 'complaint', category: 'certificate', about: 'Working Safely Near Energized Lines', body: 'The certificate had my name misspelled and I needed it for an audit.', upTo: 'closed', ackHours: 2, respondHours: 12, response: 'Certificates now take the name from the HR record, and we reissued yours the same day.' },
  { daysAgo: 120, kind: 'compliment', category: 'instructor', about: 'Fatima Zahra Benali', body: 'The best safety course I have had in twenty years: real cases from our own depots.', from: 'N0031', upTo: 'closed', ackHours: 1, respondHours: 4, response: 'Thank you — we passed this on to Fatima and to her manager.' },
  { daysAgo: 90, kind: 'complaint', category: 'session-logistics', about: 'Boston, room 4B', body: 'The room was locked for forty minutes and nobody from the unit answered the phone.', upTo: 'closed', ackHours: 4, respondHours: 40, response: 'Facilities now send us door-code changes a week ahead, and the course contact’s mobile is on every confirmation.' },
  { daysAgo: 60, kind: 'complaint', category: 'course-content', about: 'Spotting Phishing E-mails', body: 'The examples are from 2019; the phishing we get today looks nothing like them.', upTo: 'closed', ackHours: 5, respondHours: 50, response: 'Oliver rebuilt the examples from the last quarter’s reported e-mails; the new version is live.' },
  { daysAgo: 40, kind: 'complaint', category: 'certificate', about: 'Handling Customer Complaints, October', body: 'My certificate came three weeks after the course, and only after I asked twice.', upTo: 'closed', ackHours: 2, respondHours: 20, response: 'Your completion was recorded three weeks late. Instructors now record attendance the same day, and the certificate follows within two working days.' },
  { daysAgo: 30, kind: 'compliment', category: 'service', about: 'The questions desk', body: 'Samuel found me a place in a full session the same afternoon. Thank you!', from: 'N0100', upTo: 'closed', ackHours: 1, respondHours: 2, response: 'Thank you for telling us; it made Samuel’s week.' },
  { daysAgo: 12, kind: 'complaint', category: 'communication', about: 'The course digest', body: 'The monthly digest lists courses that are already full.', from: 'N0101', upTo: 'responded', ackHours: 3, respondHours: 25, response: 'From the next digest, full sessions show their waitlist instead, and courses with no open seat are left out.' },
  { daysAgo: 7, kind: 'complaint', category: 'instructor', about: 'Reading Single-Line Diagrams', body: 'The instructor dismissed questions from people new to the grid as “basics you should know”.', upTo: 'investigating', ackHours: 4, note: 'Spoke with two other participants; both describe the same. Meeting the instructor on Thursday.' },
  { daysAgo: 4, kind: 'complaint', category: 'enrolment', about: 'Lockout/Tagout for Field Technicians', body: 'Eight of us applied; four were put on the waitlist while the room had empty chairs on the day.', from: 'N0031', upTo: 'acknowledged', ackHours: 2 },
  { daysAgo: 0, kind: 'complaint', category: 'certificate', about: 'Excel for month-end, November', body: 'I completed the course ten days ago and still have no certificate.', upTo: 'received' },
];

const order: Step[] = ['received', 'acknowledged', 'investigating', 'responded', 'closed'];
const reached = (item: DemoFeedback, step: Step) => order.indexOf(item.upTo) >= order.indexOf(step);

export async function seedDemoFeedback(tx: DbOrTx, clock: Clock, ids: ReadonlyMap<string, string>): Promise<void> {
  const now = clock.now();
  const version = await findVersionInForce(tx, now);
  if (!version) return;
  const calendar = version.calendar;
  const db = tx as unknown as Db; // the use cases open savepoints inside the seeding transaction
  const person = async (employeeId: string) => (await findPersonById(tx, ids.get(employeeId)!))!;
  const coordinator = await person('N0011');
  const lead = await person('N0010');
  // "Just in" arrived half an hour ago; the others at the first working moment of their day.
  const at = (item: DemoFeedback) => (item.daysAgo === 0 ? new Date(now.getTime() - 30 * 60_000) : nextWorkingMoment(calendar, new Date(now.getTime() - item.daysAgo * DAY)));
  for (const item of items) {
    const receivedAt = at(item);
    const sender = item.from ? await person(item.from) : null;
    const receipt = await submitFeedback(db, fixedClock(receivedAt), 'http://localhost', sender, { kind: item.kind, category: item.category, about: item.about, body: item.body, anonymous: !sender, attachments: [] });
    const owner = item.category === 'instructor' || item.category === 'course-content' ? lead : coordinator;
    const hours = (h: number) => addBusinessTime(calendar, receivedAt, h * 60);
    if (reached(item, 'acknowledged')) {
      await acknowledgeFeedback(db, fixedClock(hours(item.ackHours!)), owner, receipt.id, { ownerId: owner.id, message: `${owner.name} is looking into it and will come back to you with what we find.` });
    }
    if (item.note) await addFeedbackNote(db, fixedClock(hours(item.ackHours! + 2)), owner, receipt.id, item.note);
    if (reached(item, 'responded')) await respondToFeedback(db, fixedClock(hours(item.respondHours!)), owner, receipt.id, item.response!);
    if (reached(item, 'closed')) {
      const later = fixedClock(hours(item.respondHours! + 8));
      if (sender) await closeFeedback(db, later, owner, receipt.id, 'Called to check; it is settled.');
      else await replyByLink(db, later, receipt.followToken, { satisfied: true, comment: 'Thank you, that settles it.' });
    }
  }
  await tx.delete(outbox).where(like(outbox.idempotencyKey, 'feedback:%'));
}
