import { demoDesignModel } from '../../../src/standards/demo-standards-content';
import type { World } from '../cast';
import { only, signedIn, type AccessTable, type Caller, type Outcome } from './expectations';

// The unit's standards are readable by everyone signed in (ST-1); only the unit lead (and admins,
// who run Stride) write and publish them, and only they may know a draft exists. The people who
// build and run courses record checks against them (ST-2); conformance is read wherever the
// subject itself is visible.

const editors = (): Record<Caller, Outcome> => only('unitLead', 'admin');
const checkers = (): Record<Caller, Outcome> => only('coordinator', 'consultant', 'unitLead', 'admin');
const draft = (world: World) => ({ content: demoDesignModel, changeSummary: `Draft ${world.unique()}` });

async function withDraft(world: World): Promise<void> {
  const res = await world.session('admin').clone().put('/api/v1/standards/design-model/draft', draft(world));
  if (res.status !== 200) throw new Error(`standards access: cannot save a draft: ${res.status} ${res.text}`);
}

/** A published design model (version 1 at least), published once per world. */
async function withPublished(world: World): Promise<void> {
  if ((await world.session('admin').clone().get('/api/v1/standards/design-model')).status === 200) return;
  await withDraft(world);
  const res = await world.session('admin').clone().post('/api/v1/standards/design-model/draft/publish', {});
  if (res.status !== 201) throw new Error(`standards access: cannot publish: ${res.status} ${res.text}`);
}

const courseSubject = (world: World) => ({ subjectType: 'course', subjectId: world.records.courseId });

export const standardsAccess: AccessTable = {
  'GET /api/v1/standards': {
    why: 'The standards govern everyone’s work with the unit: everyone signed in reads them.',
    expect: signedIn(),
  },
  'GET /api/v1/standards/{kind}': {
    why: 'A standard in force is readable by everyone signed in, instructors and partners included.',
    expect: signedIn(),
    request: async (world) => {
      await withPublished(world);
      return { params: { kind: 'design-model' } };
    },
  },
  'GET /api/v1/standards/{kind}/versions': {
    why: 'Old versions stay readable by everyone signed in; the draft is left out for all but the editors.',
    expect: signedIn(),
    request: () => ({ params: { kind: 'design-model' } }),
  },
  'GET /api/v1/standards/{kind}/versions/{version}': {
    why: 'A published version, and what it changed, is readable by everyone signed in.',
    expect: signedIn(),
    request: async (world) => {
      await withPublished(world);
      return { params: { kind: 'design-model', version: '1' } };
    },
  },
  'GET /api/v1/standards/{kind}/draft': {
    why: 'A draft is the unit lead’s work in progress: editors only.',
    expect: editors(),
    request: async (world) => {
      await withDraft(world);
      return { params: { kind: 'design-model' } };
    },
  },
  'PUT /api/v1/standards/{kind}/draft': {
    why: 'The unit lead writes the standards (admins run Stride and may too).',
    expect: editors(),
    request: (world) => ({ params: { kind: 'design-model' }, body: draft(world) }),
  },
  'POST /api/v1/standards/{kind}/draft/publish': {
    why: 'Publishing changes what all work is checked against: editors only.',
    expect: editors(),
    request: async (world) => {
      await withDraft(world);
      return { params: { kind: 'design-model' }, body: { changeSummary: `Published ${world.unique()}` } };
    },
  },
  'GET /api/v1/standards/conformance/{subjectType}/{subjectId}': {
    why: 'A published course’s conformance is visible to everyone who can read the course (ST-2).',
    expect: signedIn(),
    request: async (world) => {
      await withPublished(world);
      return { params: courseSubject(world) };
    },
  },
  'PUT /api/v1/standards/conformance/{subjectType}/{subjectId}': {
    why: 'Coordinators, consultants and the unit lead check courses against the standards; instructors and partners do not judge them.',
    expect: checkers(),
    request: async (world) => {
      await withPublished(world);
      const version = (await world.session('admin').clone().get('/api/v1/standards/design-model')).body.version as number;
      return { params: courseSubject(world), body: { kind: 'design-model', version, results: [{ itemId: 'dm-objectives', result: 'passed' }] } };
    },
  },
};
