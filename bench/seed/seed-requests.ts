import { requestEvents, requestRecommendations, strategicGoals, trainingRequests, type Intervention, type WeighedCause } from '../../src/requests/schema';
import { causeKinds, type RequestState } from '../../src/requests/request-values';
import type { Database } from '../../src/platform/db/database';
import { bulkInsert } from '../lib/bulk-insert';
import { rngFor } from '../lib/prng';
import type { Catalog } from './seed-catalog';
import type { Organization } from './seed-organization';
import type { Sizes } from './sizes';
import { GOALS, PROBLEMS } from './vocabulary';

const DAY = 86_400_000;
// Most requests are settled; a working queue at every step (RQ-2..RQ-6).
const STATES: [RequestState, number][] = [['draft', 0.05], ['submitted', 0.05], ['triaged', 0.05], ['diagnosing', 0.05], ['recommended', 0.05], ['discussing', 0.03], ['accepted', 0.2], ['closed', 0.47], ['withdrawn', 0.05]];
const ORDER: RequestState[] = ['draft', 'submitted', 'triaged', 'diagnosing', 'recommended', 'discussing', 'accepted', 'closed'];

/** Training requests over two years in every state the requests capability knows, with their recommendation once one was made. */
export async function seedRequests(database: Database, org: Organization, catalog: Catalog, sizes: Sizes, seed: number, now: Date): Promise<Record<RequestState, number>> {
  const rng = rngFor(seed, 'requests');
  const goals = GOALS.map((title) => ({ id: rng.uuid(), title, description: `${title}: a strategic goal of the organization.`, createdAt: new Date(now.getTime() - 800 * DAY) }));
  await bulkInsert(database, strategicGoals, goals);
  const published = catalog.courses.filter((c) => c.published);
  const counts = Object.fromEntries(STATES.map(([s]) => [s, 0])) as Record<RequestState, number>;
  const rows: (typeof trainingRequests.$inferInsert)[] = [];
  const events: (typeof requestEvents.$inferInsert)[] = [];
  const recommendations: (typeof requestRecommendations.$inferInsert)[] = [];
  for (let i = 0; i < sizes.requests; i++) {
    const r = rng.next();
    let acc = 0;
    const state = STATES.find(([, p]) => (acc += p) > r)?.[0] ?? 'closed';
    counts[state]++;
    const reached = (s: RequestState) => state !== 'withdrawn' && ORDER.indexOf(state) >= ORDER.indexOf(s);
    const requester = org.people[rng.int(1, org.people.length - 1)]!;
    const owner = rng.pick(org.consultants);
    const createdAt = new Date(now.getTime() - rng.int(20, 720) * DAY);
    const at = (days: number) => new Date(Math.min(now.getTime() - 60_000, createdAt.getTime() + days * DAY));
    const submittedAt = reached('submitted') || (state === 'withdrawn' && rng.chance(0.5)) ? at(1) : null;
    const diagnosed = reached('recommended');
    const causes: WeighedCause[] = diagnosed ? causeKinds.map((cause) => ({ cause, weight: rng.int(0, 3), evidence: `Seen in ${rng.int(2, 9)} interviews.` })) : [];
    const id = rng.uuid();
    rows.push({
      id, requesterId: requester.id, origin: 'intake', businessUnitId: requester.unitId, state,
      title: `${rng.pick(PROBLEMS)} (${i + 1})`, problem: rng.pick(PROBLEMS), audience: 'The team that handles it', audienceSize: rng.int(5, 400),
      desiredOutcome: 'Fewer repeats within a quarter', proposedSolution: rng.chance(0.5) ? 'A course' : '', urgency: rng.pick(['when_possible', 'soon', 'urgent'] as const),
      goalId: rng.chance(0.8) ? rng.pick(goals).id : null, ownerId: reached('triaged') ? owner.id : null,
      gapCurrent: diagnosed ? 'Half the calls repeat' : null, gapDesired: diagnosed ? 'One call in ten repeats' : null, gapMeasure: diagnosed ? 'Repeat-call rate' : null, causes,
      diagnosedAt: diagnosed ? at(12) : null, submittedAt, triagedAt: reached('triaged') ? at(3) : null,
      acceptedAt: reached('accepted') ? at(20) : null, closedAt: state === 'closed' || state === 'withdrawn' ? at(60) : null, createdAt, updatedAt: at(60),
    });
    events.push({ requestId: id, type: submittedAt ? 'submitted' : state === 'withdrawn' ? 'withdrawn' : 'drafted', actorId: requester.id, at: submittedAt ?? createdAt, details: {} });
    if (diagnosed) {
      const training = rng.chance(0.6);
      const course = rng.pick(published);
      const interventions: Intervention[] = training
        ? [{ kind: 'existing_course', title: course.title, rationale: 'The skill is missing; the course teaches it.', ownerId: owner.id, course: { id: course.id, code: course.code, title: course.title }, size: null }]
        : [{ kind: rng.pick(['job_aid', 'procedure_change', 'coaching', 'management_action'] as const), title: 'Fix the process first', rationale: 'People know how; the procedure gets in the way.', ownerId: owner.id, course: null, size: null }];
      const accepted = reached('accepted');
      recommendations.push({
        id: rng.uuid(), requestId: id, version: 1, summary: training ? 'Send the team to an existing course.' : 'No training: change the procedure.',
        explanation: training ? '' : 'Training would not fix a procedure that gets in the way; here is what will.', interventions, issuedBy: owner.id, issuedAt: at(14),
        response: accepted ? 'accepted' : state === 'discussing' ? 'discuss' : null, respondedBy: accepted || state === 'discussing' ? requester.id : null, respondedAt: accepted || state === 'discussing' ? at(20) : null,
      });
    }
  }
  await bulkInsert(database, trainingRequests, rows);
  await bulkInsert(database, requestEvents, events);
  await bulkInsert(database, requestRecommendations, recommendations);
  return counts;
}
