import { count } from 'drizzle-orm';
import type { World } from '../cast';
import type { Actor } from '../../../src/platform/auth/actor';
import { startProject } from '../../../src/development/start-project';
import { reportProblem } from '../../../src/development/report-problem';
import { answerProblem } from '../../../src/development/handle-problem';
import { projectStages, stageComments, stagePartners } from '../../../src/development/schema';
import { COMMENT_FILES } from '../../../src/development/read-project';
import { storeFiles } from '../../../src/platform/files/store-files';
import { standardVersions } from '../../../src/standards/schema';
import { demoDesignModel } from '../../../src/standards/demo-standards-content';
import { and, eq } from 'drizzle-orm';
import { only, signedIn, type AccessTable, type Caller } from './expectations';

// Development projects (DV-1, DV-2) are the unit's work, shown to the partners invited to them and
// to nobody else (404). Problem reports (DV-4) are their reporter's and the unit's.

const developers: Caller[] = ['coordinator', 'consultant', 'unitLead', 'admin'];
/** The project's owner (the consultant here), the unit lead and admins run it. */
const managers: Caller[] = ['consultant', 'unitLead', 'admin'];

const actorOf = (world: World, who: 'learner' | 'consultant'): Actor => ({ id: world.people[who].id, name: world.people[who].name, email: world.people[who].email, roles: who === 'consultant' ? ['consultant'] : [] });

/** The demo design model, published once, so projects have stages. */
async function designModel(world: World): Promise<void> {
  const { db } = world.stride;
  const [n] = await db.select({ n: count() }).from(standardVersions).where(eq(standardVersions.kind, 'design-model'));
  if (n?.n) return;
  const now = world.stride.clock.now();
  await db.insert(standardVersions).values({ kind: 'design-model', version: 1, status: 'published', content: demoDesignModel, createdAt: now, updatedAt: now, publishedAt: now });
}

/** A project the consultant owns with the partner invited to its first stage; `signedOff` gives that stage every sign-off it needs. */
async function project(world: World, signedOff = false): Promise<{ id: string; stageId: string }> {
  await designModel(world);
  const { db, clock } = world.stride;
  return db.transaction(async (tx) => {
    const id = await startProject(tx, clock, { title: `Hand-over course ${world.unique()}`, size: 'small', ownerId: world.people.consultant.id, requestId: null, actorId: null, courseId: world.records.courseId });
    const [stage] = await tx.select().from(projectStages).where(and(eq(projectStages.projectId, id), eq(projectStages.position, 1)));
    const decided = signedOff ? { decision: 'signed-off' as const, decidedAt: clock.now() } : {};
    await tx.insert(stagePartners).values({ projectId: id, stageId: stage!.id, personId: world.people.partner.id, kind: 'customer-partner', invitedAt: clock.now(), ...decided });
    if (signedOff) await tx.insert(stagePartners).values({ projectId: id, stageId: stage!.id, personId: world.people.leader.id, kind: 'sme', invitedAt: clock.now(), ...decided });
    return { id, stageId: stage!.id };
  });
}

/** A comment of the partner's with a text attachment, on a fresh project. */
async function attachment(world: World) {
  const { id, stageId } = await project(world);
  const { db, clock } = world.stride;
  return db.transaction(async (tx) => {
    const [comment] = await tx.insert(stageComments).values({ projectId: id, stageId, authorId: world.people.partner.id, body: 'Notes from the site visit.', createdAt: clock.now() }).returning({ id: stageComments.id });
    const [file] = await storeFiles(tx, clock, { type: COMMENT_FILES, id: comment!.id }, [{ name: 'notes.txt', content: Buffer.from('Step 3 is done differently on nights.').toString('base64') }], { kinds: ['text'], maxBytes: 1000, maxFiles: 1 });
    return { id, commentId: comment!.id, fileId: file!.id };
  });
}

/** The learner's report about the cast's course; `answered` has had its answer. */
async function report(world: World, answered = false): Promise<string> {
  const { db, clock } = world.stride;
  const view = await reportProblem(db, clock, actorOf(world, 'learner'), world.records.courseId, { kind: 'outdated-procedure', description: `Step 4 names a closed phone line (${world.unique()}).` });
  if (answered) await answerProblem(db, clock, 'http://stride.test', actorOf(world, 'consultant'), view.id, 'We correct it this week.');
  return view.id;
}

const stagePath = async (world: World, signedOff = false) => {
  const { id, stageId } = await project(world, signedOff);
  return { id, stageId };
};

export const developmentAccess: AccessTable = {
  'GET /api/v1/development-board': {
    why: 'Everyone signed in reads the board: the unit’s staff see every project, a partner only those they are invited to (DV-1, DV-2).',
    expect: signedIn(),
  },
  'POST /api/v1/development-projects': {
    why: 'Consultants and the unit lead start development projects (DV-1).',
    expect: only(...managers),
    request: (world) => ({ body: { title: `By hand ${world.unique()}`, size: 'small', ownerId: world.people.consultant.id, courseId: world.records.courseId } }),
  },
  'PUT /api/v1/development-projects/{id}/release-plan': {
    why: 'The project’s owner or the unit lead decides what the release writes into the catalog (DV-1).',
    expect: only(...managers),
    request: async (world) => ({
      params: { id: (await project(world)).id },
      body: { revision: 1, courseId: world.records.courseId, newCourse: null, summary: 'Hand over once.', objectives: ['Hand a call over once with the story written down.'] },
    }),
  },
  'PUT /api/v1/development-projects/{id}/stages/{stageId}': {
    why: 'The project’s owner or the unit lead plans its stages (DV-1).',
    expect: only(...managers),
    request: async (world) => ({ params: await stagePath(world), body: { ownerId: world.people.consultant.id, dueOn: '2030-01-15' } }),
  },
  'POST /api/v1/development-projects/{id}/stages/{stageId}/partners': {
    why: 'The project’s owner or the unit lead invites partners (DV-2).',
    expect: only(...managers),
    request: async (world) => ({ params: await stagePath(world), body: { personId: world.people.supervisorOfOther.id, kind: 'sme' } }),
  },
  'POST /api/v1/development-projects/{id}/stages/{stageId}/comments': {
    why: 'The unit’s staff comment on any stage, an invited partner on theirs; to anyone else the project does not exist (DV-2).',
    expect: only(...developers, 'partner'),
    request: async (world) => ({ params: await stagePath(world), body: { body: 'The hand-over form has changed.' } }),
  },
  'POST /api/v1/development-projects/{id}/stages/{stageId}/decision': {
    why: 'Only a partner invited to the stage signs it off or asks for changes (DV-2).',
    expect: only('partner'),
    request: async (world) => ({ params: await stagePath(world), body: { decision: 'signed-off', note: '' } }),
  },
  'POST /api/v1/development-projects/{id}/stages/{stageId}/close': {
    why: 'The project’s owner or the unit lead closes a stage once it is signed off (DV-1, DV-2).',
    expect: only(...managers),
    request: async (world) => ({ params: await stagePath(world, true), body: {} }),
  },
  'GET /api/v1/development-projects/{id}/comments/{commentId}/files/{fileId}': {
    why: 'Attachments are read by whoever may open the project: the unit’s staff and its invited partners (DV-2).',
    expect: only(...developers, 'partner'),
    request: async (world) => ({ params: await attachment(world) }),
  },
  'POST /api/v1/courses/{id}/problem-reports': {
    why: 'Anyone signed in who can read a course reports a problem or asks a question about it (DV-4).',
    expect: signedIn(),
    request: (world) => ({ params: { id: world.records.courseId }, body: { kind: 'broken-link', description: 'The link to the escalation form is dead.' } }),
  },
  'GET /api/v1/courses/{id}/problem-reports': {
    why: 'Recurring problems per course are the unit’s working view (DV-4).',
    expect: only(...developers),
    request: (world) => ({ params: { id: world.records.courseId } }),
  },
  'GET /api/v1/problem-reports/mine': {
    why: 'Each reporter reads their own reports and answers (DV-4).',
    expect: signedIn(),
  },
  'GET /api/v1/problem-reports': {
    why: 'The queue is the unit’s (DV-4).',
    expect: only(...developers),
  },
  'GET /api/v1/problem-reports/{id}': {
    why: 'A report is its reporter’s (the learner) and the unit’s (DV-4).',
    expect: only('learner', ...developers),
    request: async (world) => ({ params: { id: await report(world) } }),
  },
  'POST /api/v1/problem-reports/{id}/triage': {
    why: 'The unit’s staff triage reports (DV-4).',
    expect: only(...developers),
    request: async (world) => ({ params: { id: await report(world) }, body: { ownerId: world.people.consultant.id } }),
  },
  'POST /api/v1/problem-reports/{id}/answer': {
    why: 'The unit’s staff answer the reporter (DV-4).',
    expect: only(...developers),
    request: async (world) => ({ params: { id: await report(world) }, body: { answer: 'We correct it this week.' } }),
  },
  'POST /api/v1/problem-reports/{id}/fix': {
    why: 'The unit’s staff record the fix as a course revision (DV-4).',
    expect: only(...developers),
    request: async (world) => ({ params: { id: await report(world, true) }, body: { revision: 1, note: 'Corrected.' } }),
  },
};
