import { count, eq, like, or } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import { fixedClock } from '../platform/clock';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Actor } from '../platform/auth/actor';
import { outbox } from '../platform/mail/schema';
import { people, personRoles } from '../people/schema';
import { courses } from '../catalog/schema';
import { sessionInput } from '../catalog/session-schemas';
import { insertSession } from '../catalog/schedule-session';
import { lockSession } from '../catalog/sessions-for-enrolment';
import { toLocalDateTime } from '../catalog/zoned-time';
import { findEnrollee } from '../enrolment/enrolment-people';
import { enrolInSession } from '../enrolment/place-in-session';
import { completeSession, recordAttendance, sessionDays } from '../enrolment/attendance';
import { enrolments } from '../enrolment/schema';
import { issuePendingCertificates } from '../certificates/issue-certificates';
import { certificates } from '../certificates/schema';
import { openDueFollowUps } from '../follow-up/open-due-follow-ups';
import { answerFollowUp } from '../follow-up/answer-follow-up';
import { formObjectives } from '../follow-up/follow-up-form';
import { followUps } from '../follow-up/schema';
import type { ObjectiveRating } from '../follow-up/follow-up-values';
import { supportCases } from '../support/schema';
import { decideSupportCase } from '../support/decide-support-case';
import { closeSupportCase } from '../support/close-support-case';
import { startRetentionPlan } from '../retention/start-retention-plan';
import { updateRetentionPlan } from '../retention/update-retention-plan';
import { closeRetentionPlan } from '../retention/close-retention-plan';
import { remindDueCheckIns } from '../retention/remind-check-ins';
import type { Role } from '../platform/auth/roles';

// After the event (AF-1..7) at Northwind: two sessions that already happened, played through the
// same use cases the API calls, each on a clock set to the moment it happened — so attendance,
// completion, certificates, follow-ups, support cases and retention plans all carry their history,
// audit trail and service-level clocks at believable times.
//
// - "Calming Difficult Calls" (CC-201), New York, about seven weeks ago, with eight of Marcus
//   Johnson's agents: seven completed (Lily Evans missed the day), certificates issued the same
//   evening, follow-ups answered a month later. Marcus reported one objective not met for Tyrone
//   Wallace: the coordinator decided "no further training" with a written reason and closed the
//   case; Mei Chen's own "not met" became coaching, still in progress. Jasmine Carter (the demo
//   learner) and Sofia Rossi have retention plans in progress; Luis Ortega's was closed by Marcus.
// - "Handling Customer Complaints" (CC-101), Lisbon, two and a half weeks ago: six of Ana Paula
//   Souza's agents completed with certificates; their follow-ups fall due in about two weeks.
// Quiet: it is history, not news. The mails these steps queue are dropped at the end, so starting
// the demo with SMTP configured sends none of them.

const DAY = 86_400_000;
const NY = 'America/New_York';
const LIS = 'Europe/Lisbon';

type Rating = ObjectiveRating;
type Answers = { ratings: Rating[]; recommend: number; comment?: string; examples?: (string | undefined)[] };

/** The learners' own follow-up answers to CC-201's three objectives, and their supervisor's. */
const calmingCalls: Record<string, { learner?: Answers; supervisor?: Answers }> = {
  N0100: {
    learner: { ratings: ['met', 'met', 'partly'], recommend: 9, comment: 'The role-plays were the best part. The three-warning script still feels stiff when I say it out loud.', examples: ['Last week I caught the moment a billing call turned and offered the payment plan before he asked.'] },
    supervisor: { ratings: ['met', 'met', 'met'], recommend: 9, examples: [undefined, 'Jasmine took two escalations from the late shift and neither reached me.'] },
  },
  N0101: {
    learner: { ratings: ['met', 'met', 'met'], recommend: 10, comment: 'More time on real recordings, please — fewer slides.' },
    supervisor: { ratings: ['met', 'met', 'met'], recommend: 9 },
  },
  N0102: {
    learner: { ratings: ['partly', 'not_met', 'partly'], recommend: 6, comment: 'The course assumed we can offer choices, but most of my calls are outage calls where I have nothing to offer. That part did not fit my queue.', examples: [undefined, 'On outage calls I have no two choices to give.'] },
    supervisor: { ratings: ['partly', 'partly', 'met'], recommend: 7 },
  },
  N0103: {
    learner: { ratings: ['met', 'partly', 'met'], recommend: 8 },
    supervisor: { ratings: ['met', 'not_met', 'met'], recommend: 7, examples: [undefined, 'Billing calls routed to Tyrone since the queue change run long; he has no billing guide to offer options from.'] },
  },
  N0104: {
    learner: { ratings: ['met', 'partly', 'met'], recommend: 9 },
    supervisor: { ratings: ['met', 'met', 'partly'], recommend: 8 },
  },
  N0106: {
    // Omar did not answer; his supervisor did.
    supervisor: { ratings: ['partly', 'met', 'met'], recommend: 8 },
  },
  N0109: {
    learner: { ratings: ['met', 'met', 'met'], recommend: 4, comment: 'Useful content, but three hours online with the camera on was too long without a break.' },
  },
};

/** Loads the after-the-event history in the caller's transaction when there is none yet; returns whether it did. */
export async function seedDemoAfterTheEvent(tx: DbOrTx, clock: Clock, ids: ReadonlyMap<string, string>): Promise<boolean> {
  const [existing] = await tx.select({ n: count() }).from(certificates);
  if ((existing?.n ?? 0) > 0) return false;
  const now = clock.now();
  const db = tx as unknown as Db; // the use cases open savepoints inside the seeding transaction
  const at = (daysAgo: number, hours = 0) => fixedClock(new Date(now.getTime() - daysAgo * DAY + hours * 3_600_000));
  const idOf = (employeeId: string) => {
    const id = ids.get(employeeId);
    if (!id) throw new Error(`demo after the event: no person ${employeeId} in the demo organization`);
    return id;
  };
  const actor = async (employeeId: string): Promise<Actor> => {
    const id = idOf(employeeId);
    const [person] = await tx.select({ id: people.id, name: people.name, email: people.email }).from(people).where(eq(people.id, id));
    const roles = (await tx.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, id))).map((r) => r.role as Role);
    return { ...person!, roles };
  };
  const coordinator = await actor('N0011');
  const deps = (c: Clock) => ({ db, clock: c, publicUrl: '' });

  /** A past session of `code`, scheduled a month before it ran, with these learners placed by the coordinator. */
  async function pastSession(code: string, timeZone: string, daysAgo: number, times: { from: string; until: string }, extra: Record<string, unknown>, learners: string[]) {
    const [course] = await tx.select().from(courses).where(eq(courses.code, code));
    if (!course) throw new Error(`demo after the event: no course ${code}`);
    const day = weekdayBefore(now, timeZone, daysAgo);
    const scheduledAt = new Date(Date.parse(`${day}T00:00:00Z`) - 40 * DAY);
    const session = await insertSession(tx, scheduledAt, coordinator.id, course, sessionInput.parse({ startsAt: `${day}T${times.from}`, endsAt: `${day}T${times.until}`, timeZone, capacity: 16, approvalMode: 'none', enrolmentDeadline: null, ...extra }));
    for (const [i, who] of learners.entries()) {
      const target = (await lockSession(tx, session.id))!;
      const person = (await findEnrollee(tx, idOf(who)))!;
      const enrolledAt = new Date(scheduledAt.getTime() + (3 + i) * DAY);
      await enrolInSession(tx, { now: enrolledAt, actorId: coordinator.id, actorName: coordinator.name, publicUrl: '', quiet: true }, target, { person, origin: 'coordinator', note: null, approvalBy: null, audience: {} });
    }
    return session;
  }

  /** Marks the day (absentees absent), completes the session an hour after it ends, issues the certificates that evening. */
  async function runAndComplete(session: Awaited<ReturnType<typeof pastSession>>, absent: string[]) {
    const ended = session.endsAt.getTime();
    const afterwards = fixedClock(new Date(ended + 3_600_000));
    const rows = await tx.select({ id: enrolments.id, personId: enrolments.personId }).from(enrolments).where(eq(enrolments.sessionId, session.id));
    const absentIds = new Set(absent.map(idOf));
    for (const day of sessionDays(session)) {
      await recordAttendance(deps(afterwards), coordinator, session.id, { day, marks: rows.map((r) => ({ enrolmentId: r.id, present: !absentIds.has(r.personId) })) });
    }
    await completeSession(deps(afterwards), coordinator, session.id);
    await issuePendingCertificates(deps(fixedClock(new Date(ended + 3 * 3_600_000))));
  }

  // CC-201, New York, seven weeks ago (a virtual afternoon with the instructor Fatima Zahra Benali).
  const calming = await pastSession('CC-201', NY, 49, { from: '13:00', until: '16:00' }, { language: 'en', joinUrl: 'https://meet.northwind.example/calming-calls', instructorId: idOf('N0014') }, ['N0100', 'N0101', 'N0102', 'N0103', 'N0104', 'N0106', 'N0107', 'N0109']);
  await runAndComplete(calming, ['N0107']);

  // CC-101, Lisbon, two and a half weeks ago, taught by Ana Paula Souza.
  const complaints = await pastSession('CC-101', LIS, 17, { from: '09:30', until: '17:00' }, { language: 'pt', place: 'Northwind Lisboa, Av. da Liberdade 110, sala 3', instructorId: idOf('N0022') }, ['N0113', 'N0114', 'N0115', 'N0116', 'N0117', 'N0118']);
  await runAndComplete(complaints, []);

  // A month after CC-201, the follow-ups open; most are answered within the week.
  await openDueFollowUps(deps(at(18)));
  const forms = await tx
    .select({ id: followUps.id, role: followUps.respondentRole, respondentId: followUps.respondentId, learnerId: enrolments.personId, enrolmentId: enrolments.id })
    .from(followUps)
    .innerJoin(enrolments, eq(enrolments.id, followUps.enrolmentId))
    .where(eq(enrolments.sessionId, calming.id));
  const objectives = await formObjectives(tx, calming.courseId);
  const employeeIdOf = new Map([...ids].map(([employeeId, id]) => [id, employeeId]));
  let hour = 0;
  for (const form of forms) {
    const given = calmingCalls[employeeIdOf.get(form.learnerId) ?? '']?.[form.role];
    if (!given) continue;
    const respondent = await actor(employeeIdOf.get(form.respondentId)!);
    await answerFollowUp(deps(at(17, (hour += 2))), { id: form.id, actor: respondent }, {
      answers: objectives.map((o, i) => ({ objectiveId: o.id, rating: given.ratings[i]!, example: given.examples?.[i] })),
      recommend: given.recommend,
      comment: given.comment,
    });
  }

  // The two support cases those answers opened: Tyrone's ends in "no further training", with why;
  // Mei's gets coaching on outage calls, still in progress.
  const cases = await tx.select({ id: supportCases.id, personId: enrolments.personId }).from(supportCases).innerJoin(enrolments, eq(enrolments.id, supportCases.enrolmentId)).where(eq(enrolments.sessionId, calming.id));
  const caseOf = (employeeId: string) => cases.find((c) => c.personId === idOf(employeeId))?.id;
  const tyrone = caseOf('N0103');
  if (tyrone) {
    await decideSupportCase(deps(at(15)), coordinator, tyrone, {
      option: 'no_further_training',
      reason: 'Tyrone de-escalates well on the calls we listened to. Since the queue change he gets billing calls without the billing options guide, so he has no choices to offer. That is a tools gap, not a skills gap: Marcus is getting him the guide and a login to the billing screens this week. Another course would not fix it.',
    });
    await closeSupportCase(deps(at(6)), coordinator, tyrone, { outcome: 'Tyrone has had the billing guide for a week; Marcus listened to four billing calls and each ended with two options offered. Nothing more needed from the unit.', objectivesNowMet: true });
  }
  const mei = caseOf('N0102');
  if (mei) {
    await decideSupportCase(deps(at(14)), coordinator, mei, {
      option: 'coaching',
      reason: 'Mei’s queue is mostly outage calls, where the course’s “offer two choices” has little to offer. Fatima will coach her on three of her own recorded outage calls to find the choices she does have (call-back times, updates by text, compensation rules).',
    });
  }

  // Retention plans: Jasmine's and Sofia's in progress, Luis's confirmed applied by Marcus.
  const calmingEnrolments = await tx.select({ id: enrolments.id, personId: enrolments.personId }).from(enrolments).where(eq(enrolments.sessionId, calming.id));
  const enrolmentOf = (employeeId: string) => calmingEnrolments.find((e) => e.personId === idOf(employeeId))!.id;
  const jasmine = await actor('N0100');
  const marcus = await actor('N0021');
  const jasminePlan = await startRetentionPlan(deps(at(16)), jasmine, enrolmentOf('N0100'));
  const agreed = await updateRetentionPlan(deps(at(16, 1)), jasmine, jasminePlan.id, {
    revision: jasminePlan.revision,
    actions: [
      ...jasminePlan.objectives.flatMap((o, i) => o.actions.map((a) => ({ id: a.id, objectiveId: o.id, kind: a.kind, description: a.description, owner: a.owner, dueOn: a.dueOn, done: i === 0 }))),
      { objectiveId: jasminePlan.objectives[2]?.id ?? null, kind: 'practice', description: 'Practise the three-warning script with Luis on Friday afternoons until it sounds like me.', owner: 'learner', dueOn: null, done: false },
    ],
    checkIns: jasminePlan.checkIns.map((c) => ({ id: c.id, dueOn: c.dueOn, held: false, note: null })),
  });
  // Two weeks on, the first check-in was held.
  await updateRetentionPlan(deps(at(1)), marcus, jasminePlan.id, {
    revision: agreed.revision,
    actions: [...agreed.objectives.flatMap((o) => o.actions), ...agreed.otherActions].map(({ id, objectiveId, kind, description, owner, dueOn, done }) => ({ id, objectiveId, kind, description, owner, dueOn, done })),
    checkIns: agreed.checkIns.map((c, i) => ({ id: c.id, dueOn: c.dueOn, held: i === 0, note: i === 0 ? 'Both escalation calls this week stayed with Jasmine. Next: the warning script in real calls, not just practice.' : null })),
  });
  await startRetentionPlan(deps(at(15)), marcus, enrolmentOf('N0104'));
  const luisPlan = await startRetentionPlan(deps(at(18)), await actor('N0101'), enrolmentOf('N0101'));
  await closeRetentionPlan(deps(at(3)), marcus, luisPlan.id, { revision: luisPlan.revision, note: 'Luis uses all three on the phones every day; he now sits in on new starters’ first angry calls.' });

  // Sofia's first check-in fell due yesterday: its reminder went then.
  await remindDueCheckIns(deps(at(1)));

  // History, not news: nothing of the above is mailed.
  await tx.delete(outbox).where(or(like(outbox.idempotencyKey, 'certificate:%'), like(outbox.idempotencyKey, 'follow-up:%'), like(outbox.idempotencyKey, 'support-case:%'), like(outbox.idempotencyKey, 'retention%')));
  return true;
}

/** The working day `days` before today in `timeZone` (a weekend moves back to the Friday). */
function weekdayBefore(now: Date, timeZone: string, days: number): string {
  const today = toLocalDateTime(now, timeZone).slice(0, 10);
  let day = new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() - DAY);
  return day.toISOString().slice(0, 10);
}
