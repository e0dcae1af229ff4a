import { eq, like } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import { fixedClock, type Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';
import { outbox } from '../platform/mail/schema';
import { people, personRoles } from '../people/schema';
import { findVersionInForce } from '../charter/find-version-in-force';
import { listServiceLevels } from '../service-levels/list-service-levels';
import { addBusinessTime, businessMinutesBetween, nextWorkingMoment } from '../service-levels/business-calendar';
import { insertQuestion } from './ask-question';
import { assignQuestion } from './assign-question';
import { answerQuestion } from './answer-question';
import type { QuestionChannel } from './schema';

// Questions to the unit over the last weeks (IN-1), so the queue, the clock badges and the
// service-level report have something true to show on first start: most answered in time, one
// answered late (a breach with its cause), one open and at risk, one open and already breached,
// one just in. Each is asked and answered through the use cases on a clock set to that moment, on
// working time of the charter in force, so the outcome does not depend on the weekday the demo
// loads. The answers' mails are history, not news: they are dropped at the end.

const DAY = 86_400_000;

type DemoQuestion = {
  asker: string;
  channel: QuestionChannel;
  subject: string;
  body: string;
  /** Calendar days before now the question came in (then moved to the next working moment). */
  daysAgo?: number;
  /** Open questions: the share of the target already used now. */
  usedShare?: number;
  /** Answered questions: the share of the target used when the answer went out. */
  answeredShare?: number;
  answer?: string;
  assignee?: string;
  loggedBy?: string;
};

const questions: DemoQuestion[] = [
  {
    asker: 'Jasmine Carter', channel: 'web', daysAgo: 20, answeredShare: 0.35, assignee: 'N0011',
    subject: 'Can I join the Excel course online?',
    body: 'I work the late shift from Chicago. Is there an online session of the pivot tables course, or do I have to come to Boston?',
    answer: 'Yes — the course has online sessions. Apply from the course page: the join link comes with your confirmation, and the catalog shows each time in your own time zone as well as New York’s.',
  },
  {
    asker: 'Ewa Kowalska', channel: 'email', daysAgo: 17, answeredShare: 0.6, loggedBy: 'N0011', assignee: 'N0011',
    subject: 'Lockout/tagout refresher before March',
    body: 'Eight of my technicians in the north district are due for their lockout/tagout refresher by March. Can we get a session in February?',
    answer: 'We can: Fatima Zahra Benali will run Lockout/Tagout for Field Technicians in the Albany depot in February. Nominate your eight from My team’s learning as soon as the date shows in the catalog.',
  },
  {
    asker: 'Carlos Mendoza', channel: 'phone', daysAgo: 14, answeredShare: 0.3, loggedBy: 'N0011', assignee: 'N0011',
    subject: 'Is Working Safely Near Energized Lines still on?',
    body: 'Carlos called: with the storm cleanup, is the energized-lines session still happening, and can two of his people swap dates?',
    answer: 'It is still on. Swapping is easy: each of them can send a colleague instead from My learning, or cancel and reapply for the January date.',
  },
  {
    asker: 'Chloé Martin', channel: 'web', daysAgo: 12, answeredShare: 1.45, assignee: 'N0011',
    subject: 'Proof of the phishing course for the auditor',
    body: 'Our external auditor asks for proof that everyone in finance completed Spotting Phishing E-mails. Can you send a list, or do I collect certificates one by one?',
    answer: 'Sorry for the wait. Each person’s certificate is on their My learning page, and anyone — your auditor too — can check one at the address printed under its QR code. I have also sent you the list of your team’s completions.',
  },
  {
    asker: 'Arjun Mehta', channel: 'web', daysAgo: 9, answeredShare: 0.5, assignee: 'N0012',
    subject: 'Prerequisites for Reading Single-Line Diagrams',
    body: 'I moved to grid engineering from IT. The course asks for basic electrical knowledge: is the utility’s intro module enough, or should I take something first?',
    answer: 'The intro module is enough. The first hour of the course revisits the symbols for exactly that reason; bring a recent diagram from your own substation if you can.',
  },
  {
    asker: 'Aisha Bello', channel: 'email', daysAgo: 6, answeredShare: 0.85, loggedBy: 'N0011', assignee: 'N0012',
    subject: 'New hires and the complaints course',
    body: 'Can agents who start in January join Handling Customer Complaints in their first month, or should they wait until they have taken live calls?',
    answer: 'Let them take live calls for a few weeks first: the course works from their own difficult calls. Their supervisor can nominate them for the February session.',
  },
  {
    asker: 'Laura Schmidt', channel: 'web', usedShare: 1.3, assignee: 'N0012',
    subject: 'Something on forecasting for analysts?',
    body: 'Our team builds the quarterly demand forecast in spreadsheets and keeps getting surprised. Is there a course on forecasting methods?',
  },
  {
    asker: 'Noah Kim', channel: 'web', usedShare: 0.82, assignee: 'N0011',
    subject: 'Moving my place to the January session',
    body: 'I am on the waitlist for the next complaints course but my manager approved leave that week. Can I move to the one after instead?',
  },
  {
    asker: 'Kwame Asante', channel: 'phone', usedShare: 0.1, loggedBy: 'N0011',
    subject: 'Refresher for the new meter tool',
    body: 'Kwame called: the new meter-reading app changed the fault codes. Is there a short refresher for field technicians, or a job aid?',
  },
];

export async function seedDemoQuestions(tx: DbOrTx, clock: Clock, ids: ReadonlyMap<string, string>): Promise<void> {
  const now = clock.now();
  const version = await findVersionInForce(tx, now);
  if (!version) return;
  const levels = await listServiceLevels(tx, version.id);
  const targetOf = (channel: QuestionChannel) => levels.find((l) => l.key === `question.first-response.${channel}`)?.targetBusinessMinutes ?? 480;
  const calendar = version.calendar;
  const db = tx as unknown as Db; // the use cases open savepoints inside the seeding transaction

  const byName = new Map((await tx.select({ id: people.id, name: people.name, email: people.email, businessUnitId: people.businessUnitId }).from(people)).map((p) => [p.name, p]));
  const actor = async (employeeId: string): Promise<Actor> => {
    const id = ids.get(employeeId);
    if (!id) throw new Error(`demo questions: no person ${employeeId}`);
    const [person] = await tx.select({ id: people.id, name: people.name, email: people.email }).from(people).where(eq(people.id, id));
    const roles = (await tx.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, id))).map((r) => r.role as Role);
    return { ...person!, roles };
  };

  for (const q of questions) {
    const asker = byName.get(q.asker);
    if (!asker) throw new Error(`demo questions: no person named ${q.asker}`);
    const target = targetOf(q.channel);
    // An open question was asked so that `usedShare` of its target has gone by now, in working time.
    const askedAt = q.usedShare !== undefined ? workingTimeBefore(calendar, now, q.usedShare * target) : nextWorkingMoment(calendar, new Date(now.getTime() - q.daysAgo! * DAY));
    const loggedBy = q.loggedBy ? await actor(q.loggedBy) : null;
    const id = await insertQuestion(tx, fixedClock(askedAt), loggedBy?.id ?? null, {
      asker: { id: asker.id, name: asker.name, email: asker.email, businessUnitId: asker.businessUnitId },
      channel: q.channel,
      subject: q.subject,
      body: q.body,
      askedAt,
      loggedBy: loggedBy?.id ?? null,
    });
    if (q.assignee) {
      const assignedAt = addBusinessTime(calendar, askedAt, Math.min(20, target * 0.05));
      const lead = await actor('N0011');
      await assignQuestion(db, fixedClock(assignedAt <= now ? assignedAt : askedAt), lead, id, ids.get(q.assignee)!);
    }
    if (q.answer && q.answeredShare !== undefined) {
      const answeredAt = addBusinessTime(calendar, askedAt, Math.round(q.answeredShare * target));
      await answerQuestion(db, fixedClock(answeredAt), await actor(q.assignee ?? 'N0011'), id, q.answer);
    }
  }
  await tx.delete(outbox).where(like(outbox.idempotencyKey, 'question-answer:%'));
}

/** The moment before `until` from which `minutes` of working time have gone by (15-minute steps). */
function workingTimeBefore(calendar: Parameters<typeof addBusinessTime>[0], until: Date, minutes: number): Date {
  let at = new Date(until.getTime() - 15 * 60_000);
  // Bounded: a month of calendar days is far more than any first-response target in the demo.
  for (let i = 0; i < 3000 && businessMinutesBetween(calendar, at, until) < minutes; i += 1) at = new Date(at.getTime() - 15 * 60_000);
  return at;
}
