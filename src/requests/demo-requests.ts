import { like } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import { fixedClock, type Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { outbox } from '../platform/mail/schema';
import { findPersonById } from '../people/find-people';
import { findCourseByCode } from '../catalog/sessions-for-enrolment';
import type { CauseKind } from './request-values';
import { causeKinds } from './request-values';
import type { RecommendationInput, RequestDraftInput } from './request-schemas';
import { createGoal, updateGoal } from './keep-goals';
import { markSegment } from './prime-segments';
import { createRequestDraft } from './save-request-draft';
import { submitRequest } from './submit-request';
import { assignRequest } from './assign-request';
import { diagnoseRequest } from './diagnose-request';
import { sendSurvey } from './send-survey';
import { answerSurvey } from './answer-survey';
import { reconcileRequest } from './reconcile-request';
import { issueRecommendation } from './issue-recommendation';
import { respondToRecommendation } from './respond-to-recommendation';
import { closeAction } from './close-action';
import { withdrawRequest } from './withdraw-request';
import { recordEffort } from './record-effort';

// Northwind's requests to the unit (RQ-1..7), as the demo tells them: one in every state, and the
// story the value model is about — the call-centre manager asked for customer service training;
// the agents' answers and the diagnosis found unclear escalation procedures; the unit recommended
// a procedure change and a job aid, no course; the manager accepted and both were carried out.
// Through the use cases (savepoints inside the seeding transaction), each step at a fixed moment
// counted back from the seeding clock, so the same clock gives the same history. Mails the
// history would queue are dropped: it is history, not news.

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Ids = ReadonlyMap<string, string>;

const weighed = (weights: Partial<Record<CauseKind, [number, string]>>) => causeKinds.map((cause) => ({ cause, weight: weights[cause]?.[0] ?? 0, evidence: weights[cause]?.[1] ?? '' }));

const callTeamExplanation =
  'Your agents know how to serve callers. What passes callers around is that three escalation guides disagree on who owns a second-line problem, and the ticket tool cannot carry what the agent already tried. ' +
  'A customer service course would teach a procedure that does not exist yet, and send agents back to the same three guides. Instead: one escalation procedure, owned by Customer Care, and a one-page job aid at every desk. ' +
  'If, once the procedure is in place, new agents still struggle with questioning, a short course can follow — we will look at the transfer figures together in three months.';

export async function seedDemoRequests(tx: DbOrTx, clock: Clock, ids: Ids, units: Ids): Promise<void> {
  const now = clock.now();
  const db = tx as unknown as Db; // the use cases open savepoints inside the seeding transaction
  const at = (daysAgo: number, hour = 0) => fixedClock(new Date(now.getTime() - daysAgo * DAY + hour * HOUR));
  const deps = (daysAgo: number, hour = 0) => ({ db, clock: at(daysAgo, hour), publicUrl: 'http://localhost' });
  const actor = async (employeeId: string): Promise<Actor> => {
    const p = (await findPersonById(tx, ids.get(employeeId)!))!;
    return { id: p.id, name: p.name, email: p.email, roles: p.roles };
  };
  const [lead, consultant, designer, coordinator] = await Promise.all([actor('N0010'), actor('N0012'), actor('N0013'), actor('N0011')]);

  // RQ-7: the organization's goals and prime segments, kept by the unit lead.
  const goal = {
    firstContact: (await createGoal(db, at(200), lead, { title: 'Resolve customer problems on the first contact', description: 'One owner for every customer problem, from the first call.' })).id,
    safety: (await createGoal(db, at(200), lead, { title: 'Zero lost-time incidents in the field', description: 'Every crew home safe, every shift.' })).id,
    close: (await createGoal(db, at(200), lead, { title: 'Close the books in five working days', description: '' })).id,
  };
  const paper = await createGoal(db, at(300), lead, { title: 'Paper-free billing', description: 'Reached last year.' });
  await updateGoal(db, lead, paper.id, { title: paper.title, description: paper.description, active: false });
  await markSegment(db, at(190), lead, units.get('CC')!, 'Most of our customers meet Northwind through a call: every call is a moment of truth.');
  await markSegment(db, at(190), lead, units.get('FO')!, 'Safety-critical work in the field.');

  const open = async (requester: string, daysAgo: number, input: Partial<RequestDraftInput> & { title: string }, send = true) => {
    const who = await actor(requester);
    const draft = await createRequestDraft(db, at(daysAgo), who, { problem: '', audience: '', audienceSize: null, desiredOutcome: '', proposedSolution: '', urgency: 'when_possible', goalId: null, ...input });
    return send ? submitRequest(db, at(daysAgo, 1), who, draft.id, draft.revision) : draft;
  };

  // The story: customer service training asked for, a procedure change and a job aid delivered.
  const marcus = await actor('N0021');
  let story = await open('N0021', 40, {
    title: 'Customer service training for the call team',
    problem: 'Callers complain that they are passed from agent to agent and nobody owns their problem. Complaints about “being bounced around” doubled since the summer.',
    audience: 'The Boston call team (customer service agents)',
    audienceSize: 12,
    desiredOutcome: 'A caller’s problem is owned by the first agent who takes it, and complaints about being passed around fall back to what they were.',
    proposedSolution: 'A two-day customer service course for the whole team.',
    urgency: 'soon',
    goalId: goal.firstContact,
  });
  story = await assignRequest(db, at(39), lead, story.id, consultant.id);
  await recordEffort(db, at(39, 2), consultant, story.id, { hours: 1.5, workedOn: day(now, 39), note: 'Talked with Marcus about what he sees on the floor.' });
  const agents = ['N0100', 'N0101', 'N0102', 'N0103', 'N0104', 'N0105'].filter((e) => ids.has(e));
  story = await sendSurvey(deps(37), consultant, story.id, { personIds: agents.map((e) => ids.get(e)!), note: 'About passing calls on to the second line.' });
  const answers: [number, CauseKind | null, string, string][] = [
    [2, 'unclear_procedure', 'The three escalation guides say different things, so I ask whoever sits next to me.', 'One procedure, the same for everybody.'],
    [3, 'unclear_procedure', 'I never know if billing or the field desk owns a meter problem.', 'A list of who owns what, on one page.'],
    [2, 'tools_resources', 'The ticket tool loses my notes when I transfer, so the next agent asks the caller again.', 'A field in the ticket for what I already tried.'],
    [4, null, 'Nothing much; storm nights are hard.', 'More people on storm nights.'],
    [2, 'unclear_procedure', 'Supervisors tell us different rules about when to escalate.', 'The supervisors agreeing on one rule.'],
  ];
  for (const [i, [confidence, cause, obstacles, wouldHelp]] of answers.entries()) {
    const token = await surveyToken(tx, story.id, ids.get(agents[i]!)!);
    if (token) await answerSurvey(db, at(36 - i * 0.5), token, { confidence, cause, obstacles, wouldHelp });
  }
  await recordEffort(db, at(35, 3), consultant, story.id, { hours: 3, workedOn: day(now, 35), note: 'Listened to twelve recorded calls; read the three escalation guides.' });
  story = await diagnoseRequest(db, at(33), consultant, story.id, {
    revision: story.revision,
    gapCurrent: '4 in 10 calls that need the second line are transferred more than once; callers repeat their story.',
    gapDesired: 'A call that needs the second line is handed over once, with the story written down.',
    gapMeasure: 'Transfers per call in the telephony report, four weeks before and after.',
    causes: weighed({
      unclear_procedure: [3, 'Three escalation guides disagree; three of five agents asked name it first; supervisors give different rules.'],
      tools_resources: [2, 'The ticket tool drops notes on transfer; agents retype or ask the caller again.'],
      knowledge_skill: [1, 'The agents know the products; two of twelve observed calls showed a gap in questioning.'],
    }),
  });
  story = await reconcileRequest(db, at(32), consultant, story.id, {
    revision: story.revision,
    stakeholderWants: 'A customer service course, so that callers stop being passed around.',
    reconciliation: 'Marcus and his agents want the same thing: a caller’s problem owned from the first call. Marcus sees agents who pass calls on; the agents see three guides that disagree and a tool that loses their notes. Their confidence is low for a reason a course would not change. The procedure comes first; skills after, if still needed.',
  });
  const rebecca = await actor('N0020');
  const recommendation: RecommendationInput = {
    summary: 'One escalation procedure for Customer Care and a one-page job aid at every desk. No course.',
    explanation: callTeamExplanation,
    interventions: [
      { kind: 'procedure_change', title: 'One escalation procedure for Customer Care', rationale: 'The three guides disagree: the dominant cause, named by the agents and seen in the calls.', ownerId: rebecca.id, courseId: null, size: null },
      { kind: 'job_aid', title: 'Escalation job aid: who owns what', rationale: 'Agents need the owner of each kind of problem at hand during a call.', ownerId: designer.id, courseId: null, size: null },
    ],
  };
  story = await issueRecommendation(deps(30), consultant, story.id, recommendation);
  story = await respondToRecommendation(deps(28), marcus, story.id, 1, { response: 'accepted', note: 'Agreed — I had not seen the guides side by side.' });
  await recordEffort(db, at(27), consultant, story.id, { hours: 2, workedOn: day(now, 27), note: 'Recommendation written up and talked through with Marcus.' });
  await recordEffort(db, at(20), designer, story.id, { hours: 6, workedOn: day(now, 20), note: 'Job aid drafted, tested with two agents.' });
  const [procedure, jobAid] = story.actions;
  await closeAction(db, at(14), designer, story.id, jobAid!.id, { state: 'done', outcome: 'The job aid is at every desk and in the ticket tool’s help panel.' });
  await closeAction(db, at(10), consultant, story.id, procedure!.id, { state: 'done', outcome: 'One escalation procedure published by Rebecca; the old guides withdrawn. Transfers per call down from 1.6 to 1.2 in three weeks.' });

  // A request in each other state.
  await open('N0050', 2, { title: 'Excel refresher for the analysts', problem: 'Month-end workbooks break when someone sorts the wrong range.', goalId: goal.close }, false);
  await open('N0031', 1, { title: 'Storm-season briefing for new technicians', problem: 'Four new technicians start before storm season and have never worked a restoration.', audience: 'New field technicians, North', audienceSize: 4, desiredOutcome: 'They work a restoration shift safely alongside a senior crew.', urgency: 'urgent', goalId: goal.safety });

  const lisbon = await open('N0022', 5, { title: 'Complaint handling for the Lisbon team', problem: 'Written complaints wait a week for an answer.', audience: 'The Lisbon call team', audienceSize: 10, desiredOutcome: 'Written complaints answered within two working days.', proposedSolution: 'The complaint-handling course in Portuguese.', goalId: goal.firstContact });
  await assignRequest(db, at(4), coordinator, lisbon.id, designer.id);

  let close = await open('N0004', 15, { title: 'Month-end close takes too long', problem: 'The close takes nine working days; the board wants five.', audience: 'Finance analysts', audienceSize: 5, desiredOutcome: 'The books close in five working days.', proposedSolution: 'Advanced Excel training.', goalId: goal.close });
  close = await assignRequest(db, at(14), lead, close.id, consultant.id);
  await diagnoseRequest(db, at(12), consultant, close.id, {
    revision: close.revision,
    gapCurrent: 'The close takes nine working days.',
    gapDesired: 'Five working days.',
    gapMeasure: 'Working days from month end to signed-off books, last six months.',
    causes: weighed({ tools_resources: [3, 'Three days go to waiting for the billing extract.'], unclear_role: [2, 'Nobody owns the reconciliation of the two ledgers.'] }),
  });
  await recordEffort(db, at(12, 2), consultant, close.id, { hours: 2.5, workedOn: day(now, 12), note: 'Mapped the close, day by day, with Chloé.' });

  const grid = await open('N0041', 20, { title: 'Single-line diagrams for new grid engineers', problem: 'New engineers misread switching diagrams in their first months.', audience: 'Grid engineers in their first year', audienceSize: 3, desiredOutcome: 'They read a switching diagram without a senior checking it.', goalId: goal.safety });
  const gridTriaged = await assignRequest(db, at(19), lead, grid.id, designer.id);
  const gridDiagnosed = await diagnoseRequest(db, at(16), designer, grid.id, { revision: gridTriaged.revision, gapCurrent: 'Seniors check every diagram a new engineer reads.', gapDesired: 'New engineers read diagrams alone after three months.', gapMeasure: 'Diagrams returned by the checking senior.', causes: weighed({ knowledge_skill: [3, 'The symbols of the older substations are taught nowhere.'] }) });
  const diagrams = await findCourseByCode(tx, 'GRID-201');
  await issueRecommendation(deps(14), designer, gridDiagnosed.id, {
    summary: 'The single-line diagrams course, and a senior to coach each new engineer for a month.',
    explanation: 'The course teaches the symbols; reading real diagrams alone comes with a month of coaching on the job, which a course cannot give.',
    interventions: [
      ...(diagrams ? [{ kind: 'existing_course' as const, title: 'Reading Single-Line Diagrams', rationale: 'The symbols are a knowledge gap.', ownerId: coordinator.id, courseId: diagrams.course.id, size: null }] : []),
      { kind: 'coaching', title: 'A month with a senior', rationale: 'Reading real diagrams alone is learned on the job.', ownerId: (await actor('N0040')).id, courseId: null, size: null },
    ],
  });

  const leaders = await open('N0030', 25, { title: 'Leadership course for field supervisors', problem: 'Supervisors do not give feedback to their crews.', audience: 'Field supervisors', audienceSize: 6, desiredOutcome: 'Every technician hears how they are doing, monthly.', proposedSolution: 'A leadership course.', goalId: goal.safety });
  const leadersTriaged = await assignRequest(db, at(24), lead, leaders.id, consultant.id);
  const leadersDiagnosed = await diagnoseRequest(db, at(20), consultant, leaders.id, { revision: leadersTriaged.revision, gapCurrent: 'Technicians hear about their work only when something goes wrong.', gapDesired: 'A short monthly conversation with each technician.', gapMeasure: 'Technicians who had one in the last month, asked.', causes: weighed({ management_feedback_incentives: [3, 'Supervisors are measured on jobs closed, not on their crews.'] }) });
  await issueRecommendation(deps(18), consultant, leadersDiagnosed.id, {
    summary: 'A monthly check-in made part of the supervisors’ own objectives, with coaching for the first three months.',
    explanation: 'Supervisors know how to give feedback; nothing in their week asks them to. Making the monthly check-in part of their objectives changes that; coaching helps the first ones go well. A course would not change what they are measured on.',
    interventions: [
      { kind: 'management_action', title: 'Monthly check-in in the supervisors’ objectives', rationale: 'What is measured gets done.', ownerId: (await actor('N0030')).id, courseId: null, size: null },
      { kind: 'coaching', title: 'Coaching for the first three check-ins', rationale: 'The first conversations are the hardest.', ownerId: consultant.id, courseId: null, size: null },
    ],
  });
  await respondToRecommendation(deps(16), await actor('N0030'), leaders.id, 1, { response: 'discuss', note: 'I agree on the objectives, but I would still like a short course on giving feedback.' });

  const loto = await open('N0032', 35, { title: 'Lockout/tagout refresher', problem: 'Two near misses with lockout in the last quarter.', audience: 'Field technicians, South', audienceSize: 8, desiredOutcome: 'No lockout near misses.', goalId: goal.safety, urgency: 'urgent' });
  const lotoTriaged = await assignRequest(db, at(34), lead, loto.id, designer.id);
  const lotoDiagnosed = await diagnoseRequest(db, at(31), designer, loto.id, { revision: lotoTriaged.revision, gapCurrent: 'Two near misses in a quarter.', gapDesired: 'None.', gapMeasure: 'Near-miss reports.', causes: weighed({ knowledge_skill: [3, 'The new isolation points were never taught.'], tools_resources: [1, 'Tags run out in two vans.'] }) });
  const lotoCourse = await findCourseByCode(tx, 'FO-101');
  await issueRecommendation(deps(29), designer, lotoDiagnosed.id, {
    summary: 'The lockout/tagout course for the South crew, and tags stocked in every van.',
    explanation: 'The near misses come from the new isolation points, which the lockout/tagout course now covers; the South crew has not taken it since. Two vans ran out of tags: stocking them is a job for the depot, not a course.',
    interventions: [
      ...(lotoCourse ? [{ kind: 'existing_course' as const, title: 'Lockout/Tagout for the South crew', rationale: 'The knowledge gap behind both near misses.', ownerId: coordinator.id, courseId: lotoCourse.course.id, size: null }] : []),
      { kind: 'management_action', title: 'Tags stocked in every van', rationale: 'Two vans ran out.', ownerId: (await actor('N0032')).id, courseId: null, size: null },
    ],
  });
  await respondToRecommendation(deps(27), await actor('N0032'), loto.id, 1, { response: 'accepted', note: '' });
  await recordEffort(db, at(26), designer, loto.id, { hours: 4, workedOn: day(now, 26), note: 'Task analysis with the South crew.' });

  const hr = await open('N0060', 9, { title: 'Presentation skills for HR', problem: 'Presentations to managers run long.', audience: 'HR specialists', audienceSize: 3, desiredOutcome: 'Ten-minute presentations.' });
  await withdrawRequest(db, at(6), await actor('N0060'), hr.id, 'A colleague from Finance will coach us instead.');

  await tx.delete(outbox).where(like(outbox.idempotencyKey, 'training-request:%'));
}

/** The calendar day `daysAgo` days before `now`, as YYYY-MM-DD (UTC; the demo's days are whole). */
const day = (now: Date, daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);

/** The questionnaire link mailed to a person (read from the queued mail, as the person's mailbox would). */
async function surveyToken(tx: DbOrTx, requestId: string, personId: string): Promise<string | null> {
  const rows = await tx.select({ text: outbox.textBody }).from(outbox).where(like(outbox.idempotencyKey, `training-request:${requestId}:survey:${personId}`));
  return rows[0]?.text.match(/\/request-survey\/([A-Za-z0-9_-]{43})/)?.[1] ?? null;
}
