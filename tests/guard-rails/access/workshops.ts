import { eq } from 'drizzle-orm';
import { glossaryTerms } from '../../../src/glossary/schema';
import { workshopMoments, workshopOpportunities, workshopParticipants, workshops } from '../../../src/workshops/schema';
import type { World } from '../cast';
import { only, signedIn, staff, type AccessTable, type Caller } from './expectations';

// Customer experience workshops (CX-1..4) are run by consultants, the unit lead and admins; the
// unit's other staff and leaders read them, and so does everyone who took part (here, the learner).
// For anyone else a workshop does not exist. The glossary (FB-3) is everyone's to read and the
// unit's to write.

const runners: Caller[] = ['consultant', 'unitLead', 'admin'];
const glossaryEditors: Caller[] = ['coordinator', 'consultant', 'unitLead', 'admin'];

/** A workshop under way with the learner among its participants; each call gets its own. */
async function learnerWorkshop(world: World): Promise<{ id: string; revision: number }> {
  const { db, clock } = world.stride;
  const now = clock.now();
  const by = world.people.consultant.id;
  const [row] = await db
    .insert(workshops)
    .values({ title: `Calling the centre ${world.unique()}`, businessUnitId: world.businessUnitId, purpose: 'Complaints about transfers.', heldOn: '2026-11-12', facilitatorId: by, createdBy: by, createdAt: now, updatedBy: by, updatedAt: now })
    .returning({ id: workshops.id, revision: workshops.revision });
  await db.insert(workshopParticipants).values([
    { workshopId: row!.id, personId: world.people.learner.id, contribution: 'Answers calls', position: 1 },
    { workshopId: row!.id, personId: world.people.supervisorOfLearner.id, contribution: 'Takes escalations', position: 2 },
  ]);
  await db.insert(workshopMoments).values({ workshopId: row!.id, position: 1, name: 'The agent answers', happensNow: 'Greets by script.', shouldHappen: 'Owns the call.' });
  return row!;
}

/** A workshop at the harvest with one opportunity not yet a request; each call gets its own. */
async function harvestedOpportunity(world: World): Promise<{ id: string; opportunityId: string }> {
  const w = await learnerWorkshop(world);
  await world.stride.db.update(workshops).set({ step: 'harvest' }).where(eq(workshops.id, w.id));
  const [o] = await world.stride.db.insert(workshopOpportunities).values({ workshopId: w.id, position: 1, kind: 'procedure', description: 'Write the escalation procedure.' }).returning({ id: workshopOpportunities.id });
  return { id: w.id, opportunityId: o!.id };
}

/** A live workshop of the learner's, for guard rails that need a real id (the fuzzer's valid cases). */
export const learnerWorkshopId = async (world: World) => (await learnerWorkshop(world)).id;

/** A glossary term of its own for each call, so one caller's rename does not clash with the next's. */
async function freshTerm(world: World): Promise<string> {
  const now = world.stride.clock.now();
  const by = world.people.coordinator.id;
  const [row] = await world.stride.db
    .insert(glossaryTerms)
    .values({ term: `Warm handover ${world.unique()}`, definition: 'Passing a caller on while staying on the line.', origin: 'unit', createdBy: by, createdAt: now, updatedBy: by, updatedAt: now })
    .returning({ id: glossaryTerms.id });
  return row!.id;
}

const saveBody = (world: World, revision: number) => ({
  revision,
  title: 'Calling the contact centre',
  businessUnitId: world.businessUnitId,
  process: null,
  purpose: 'Complaints about transfers.',
  heldOn: '2026-11-12',
  facilitatorId: world.people.consultant.id,
  participants: [{ personId: world.people.learner.id, contribution: 'Answers calls' }],
  moments: [{ name: 'The agent answers', happensNow: 'Greets by script.', shouldHappen: 'Owns the call.', standardsNow: '', standardsNeeded: '', nonValueAdded: '' }],
  opportunities: [{ moment: 0, kind: 'procedure', description: 'Write the escalation procedure.' }],
  stories: [],
});

export const workshopsAccess: AccessTable = {
  'GET /api/v1/workshops': {
    why: 'Everyone signed in lists workshops: the unit’s staff see all, others only those they took part in.',
    expect: signedIn(),
  },
  'POST /api/v1/workshops': {
    why: 'Consultants, the unit lead and admins plan workshops (CX-1).',
    expect: only(...runners),
    request: (world) => ({ body: { title: `Billing questions ${world.unique()}`, businessUnitId: world.businessUnitId, process: null, purpose: '', heldOn: '2026-11-20', facilitatorId: world.people.consultant.id } }),
  },
  'GET /api/v1/workshops/{id}': {
    why: 'A workshop is read by the unit’s staff and leaders and by its participants; for anyone else it does not exist.',
    expect: only('learner', 'supervisorOfLearner', ...staff),
    request: async (world) => ({ params: { id: await learnerWorkshopId(world) } }),
  },
  'PUT /api/v1/workshops/{id}': {
    why: 'Only those who run workshops change one; participants read it.',
    expect: only(...runners),
    request: async (world) => {
      const w = await learnerWorkshop(world);
      return { params: { id: w.id }, body: saveBody(world, w.revision) };
    },
  },
  'POST /api/v1/workshops/{id}/step': {
    why: 'Those who run the workshop guide it from step to step.',
    expect: only(...runners),
    request: async (world) => {
      const w = await learnerWorkshop(world);
      return { params: { id: w.id }, body: { revision: w.revision, step: 'map' } };
    },
  },
  'POST /api/v1/workshops/{id}/words': {
    why: 'Those who run the workshop harvest the organization’s words into the glossary (CX-3, FB-3).',
    expect: only(...runners),
    request: async (world) => ({ params: { id: await learnerWorkshopId(world) }, body: { term: `Cold transfer ${world.unique()}`, definition: 'Passing a caller on without a word to the colleague.' } }),
  },
  'POST /api/v1/workshops/{id}/opportunities/{opportunityId}/request': {
    why: 'Those who run the workshop turn an opportunity into a request for the business unit (CX-4).',
    expect: only(...runners),
    request: async (world) => {
      const { id, opportunityId } = await harvestedOpportunity(world);
      return { params: { id, opportunityId }, body: { requesterId: world.people.supervisorOfLearner.id, audience: 'The call team', audienceSize: 12 } };
    },
  },
  'GET /api/v1/glossary': {
    why: 'The common service language is everyone’s to read (FB-3).',
    expect: signedIn(),
    request: () => ({ query: { q: 'handover' } }),
  },
  'POST /api/v1/glossary': {
    why: 'The unit’s coordinators, consultants, lead and admins write the glossary.',
    expect: only(...glossaryEditors),
    request: (world) => ({ body: { term: `Callback promise ${world.unique()}`, definition: 'A time we commit to call the customer back.' } }),
  },
  'PUT /api/v1/glossary/{id}': {
    why: 'The same editors sharpen a term’s wording or meaning.',
    expect: only(...glossaryEditors),
    request: async (world) => ({ params: { id: await freshTerm(world) }, body: { term: `Warm transfer ${world.unique()}`, definition: 'Passing a caller on while staying on the line.' } }),
  },
};


/** A glossary term for the fuzzer's valid cases. */
export const glossaryTermId = (world: World) => freshTerm(world);
