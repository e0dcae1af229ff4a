import { count, eq } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { DbOrTx } from '../platform/db/database';
import { findCourseByCode, lockSession } from '../catalog/sessions-for-enrolment';
import type { EnrolmentContext, LockedSession } from './enrolment-context';
import type { EnrolmentRow } from './enrolment-history';
import { findEnrollee } from './enrolment-people';
import type { ApprovalDecision } from './enrolment-values';
import { approvalForApplicant, approvalForNomination } from './approval-rules';
import { cancelLocked } from './cancel-enrolment';
import { decide } from './decide-application';
import { enrolSelfPaced } from './enrol-in-course';
import { enrolInSession, passSeat } from './place-in-session';
import { enrolments } from './schema';
import { answersValues, expectationsValues } from './audience-fit';
import { demoAnswers, demoExpectations, pivotAnswers } from './demo-audience';
import type { AudienceAnswersInput } from './audience-schemas';

// Northwind's enrolments (CA-3), made through the same seat rules the API uses — positions, the
// waitlist, approvals, promotion, substitution — so every one has its history and audit trail.
// Quiet: the demo's enrolments are history, not news, so nobody is mailed and no approval link
// exists; Marcus Johnson (the demo supervisor) decides his team's applications in Stride, and
// Samuel Mensah (the coordinator) the field course's. The same catalog gives the same enrolments.
//
// What the demo shows:
// - Jasmine Carter (the demo learner): Handling Complaints waiting for Marcus's approval, a
//   confirmed place in Pivot Tables, a cancelled Budgeting session, a self-paced security course.
// - Customer Care (Marcus's team): an approval, a decline with a note, a nomination, an application
//   for the virtual course awaiting him.
// - The gas-leak module (6 seats): full, with a waitlist that moved up when a technician cancelled.
// - Pivot tables: nearly full (16 of 18 seats). Field safety: one waiting for a coordinator.
// - Leading a Team: Marcus passed his seat to Ana Paula Souza.
// - The audience analysis (CA-4): applicants answered the questions (demo-audience.ts), and
//   supervisors said what they expect. Flagged on purpose: Laura Schmidt, a Finance analyst "told to
//   attend" Budgeting Basics with a lot of experience, and Noah Kim of Customer Care on Reading
//   Single-Line Diagrams, meant for Grid and Field; Hannah Becker partly meets CC-201's prerequisites.

const NY = 'America/New_York';
const LIS = 'Europe/Lisbon';

/** Loads the demo enrolments, in the caller's transaction, when there are none yet; returns how many it made. */
export async function seedDemoEnrolments(tx: DbOrTx, clock: Clock, people: ReadonlyMap<string, string>): Promise<number> {
  const [existing] = await tx.select({ n: count() }).from(enrolments);
  if ((existing?.n ?? 0) > 0) return 0;
  const now = clock.now();
  let made = 0;

  const idOf = (employeeId: string) => {
    const id = people.get(employeeId);
    if (!id) throw new Error(`demo enrolments: no person ${employeeId} in the demo organization`);
    return id;
  };
  const person = async (employeeId: string) => (await findEnrollee(tx, idOf(employeeId)))!;
  const as = async (employeeId: string): Promise<EnrolmentContext> => ({ now, actorId: idOf(employeeId), actorName: (await person(employeeId)).name, publicUrl: '', quiet: true });
  async function session(code: string, timeZone: string, nth = 0): Promise<LockedSession> {
    const found = await findCourseByCode(tx, code);
    const id = found?.sessions.filter((s) => s.timeZone === timeZone)[nth]?.id;
    const target = id ? await lockSession(tx, id) : undefined;
    if (!target) throw new Error(`demo enrolments: no session ${nth + 1} of ${code} in ${timeZone}`);
    return target;
  }
  const fresh = async (row: EnrolmentRow) => (await tx.select().from(enrolments).where(eq(enrolments.id, row.id)))[0]!;

  /**
   * `who` applies, or `by` (their supervisor, or the coordinator N0011) puts them down, with what
   * they expect. The learner's answers (demo-audience.ts, or `answers`) are there from the start,
   * as if someone put down had answered in My learning since.
   */
  async function arrive(target: LockedSession, who: string, options: { by?: string; note?: string; answers?: AudienceAnswersInput; expectations?: string } = {}): Promise<EnrolmentRow> {
    const enrollee = await person(who);
    const origin = !options.by ? 'self' : options.by === 'N0011' ? 'coordinator' : 'supervisor';
    const mode = target.session.approvalMode;
    const approvalBy = origin === 'self' ? approvalForApplicant(mode, enrollee) : approvalForNomination(mode, origin);
    const answers = options.answers ?? demoAnswers[target.course.code]?.[who];
    const audience = {
      ...(answers ? answersValues(answers, target.course, enrollee.id, now) : {}),
      ...expectationsValues(options.expectations, options.by ? idOf(options.by) : null, now),
    };
    made += 1;
    return enrolInSession(tx, await as(options.by ?? who), target, { person: enrollee, origin, note: options.note ?? null, approvalBy, audience });
  }
  const decideAs = async (who: string, target: LockedSession, row: EnrolmentRow, decision: ApprovalDecision, note: string, expectations?: string) =>
    decide(tx, await as(who), target, await fresh(row), decision, note, expectations);
  const cancelAs = async (who: string, target: LockedSession, row: EnrolmentRow, reason: string) => cancelLocked(tx, await as(who), { row: await fresh(row), target, course: target.course }, reason);

  // Handling Customer Complaints, New York: Marcus approves one, declines one, nominates one; Jasmine waits.
  const complaints = await session('CC-101', NY);
  await arrive(complaints, 'N0100', { note: 'Complaints about the new tariff take me twice as long as they should.' });
  await decideAs('N0021', complaints, await arrive(complaints, 'N0101', { note: 'I handle most escalations on the late shift.' }), 'approve', 'Good timing before the tariff change.', demoExpectations['CC-101 approval']);
  await decideAs('N0021', complaints, await arrive(complaints, 'N0102'), 'decline', 'After the peak season, please: let us pick the next session together.');
  await arrive(complaints, 'N0103', { by: 'N0021', note: 'You asked for this at your review.', expectations: demoExpectations['CC-101'] });
  // Lisbon: João waits for Ana Paula Souza.
  await arrive(await session('CC-101', LIS), 'N0112', { note: 'Quero melhorar as respostas por escrito.' });
  // Calming difficult calls (virtual): Hannah waits for Marcus.
  await arrive(await session('CC-201', NY), 'N0105');

  // Field safety (a coordinator approves): Diego waits for Samuel; Samuel put Brianna down himself.
  const fieldSafety = await session('FO-101', NY);
  await arrive(fieldSafety, 'N0132', { note: 'New to the southern crew.' });
  await arrive(fieldSafety, 'N0133', { by: 'N0011' });

  // The gas-leak module, six seats: Ewa nominates nine; Liam cancels and Grace moves up.
  const gasLeak = await session('FO-130', NY);
  const technicians = ['N0122', 'N0123', 'N0124', 'N0125', 'N0126', 'N0127', 'N0128', 'N0129', 'N0130'];
  const onGasLeak = [];
  for (const technician of technicians) onGasLeak.push(await arrive(gasLeak, technician, { by: 'N0031', expectations: demoExpectations['FO-130'] }));
  await cancelAs('N0126', gasLeak, onGasLeak[4]!, 'On call that week.');

  // Pivot tables, eighteen seats: sixteen taken after Sofia cancels.
  const pivot = await session('DATA-110', NY);
  const pivotLearners = ['N0100', 'N0140', 'N0141', 'N0142', 'N0143', 'N0144', 'N0145', 'N0146', 'N0147', 'N0148', 'N0149', 'N0150', 'N0151', 'N0152', 'N0106', 'N0107'];
  for (const [i, learner] of pivotLearners.entries()) await arrive(pivot, learner, { answers: pivotAnswers(i) });
  await cancelAs('N0104', pivot, await arrive(pivot, 'N0104', { answers: pivotAnswers(pivotLearners.length) }), 'Covering for a colleague that morning.');

  // Budgeting basics: Jasmine applied, then cancelled.
  const budgeting = await session('FIN-101', NY);
  await cancelAs('N0100', budgeting, await arrive(budgeting, 'N0100'), 'It clashes with our quarterly review.');
  // Laura, a Finance analyst with years of cost-centre reports, was told to attend the basics (CA-4).
  await arrive(budgeting, 'N0147');

  // Reading single-line diagrams, for Grid and Field: Noah, from Customer Care, wants to read outage maps (CA-4).
  await arrive(await session('GRID-201', NY), 'N0108');

  // Leading a Team: Marcus passes his seat to Ana Paula Souza; Ewa and Carlos take theirs.
  const leading = await session('LEAD-201', NY);
  const marcus = await arrive(leading, 'N0021');
  await passSeat(tx, await as('N0021'), leading, await fresh(marcus), { person: await person('N0022'), note: 'Ana is leading the new Lisbon team from next month.' });
  made += 1;
  await arrive(leading, 'N0031');
  await arrive(leading, 'N0032');

  // Self-paced security awareness: Jasmine started it; Marcus put Luis down.
  const security = await findCourseByCode(tx, 'SEC-101');
  if (!security) throw new Error('demo enrolments: no course SEC-101');
  await enrolSelfPaced(tx, await as('N0100'), security.course, await person('N0100'), 'self', null);
  await enrolSelfPaced(tx, await as('N0021'), security.course, await person('N0101'), 'supervisor', 'Everyone on the team by the end of the month.');
  return made + 2;
}
