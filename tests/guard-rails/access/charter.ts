import { demoCharter } from '../../../src/charter/demo-charter';
import type { World } from '../cast';
import { only, signedIn, type AccessTable, type Caller, type Outcome } from './expectations';

// The charter is published to the whole organization (CH-1); only the unit lead (and admins, who
// run Stride) edit and publish it, and only they may know a draft is being written.

const editors = (): Record<Caller, Outcome> => only('unitLead', 'admin');

/** A draft to read or publish: the editor saves one before each call (a publish uses it up). */
async function withDraft(world: World): Promise<void> {
  const res = await world.session('admin').clone().put('/api/v1/charter/draft', { ...demoCharter, changeSummary: `Draft ${world.unique()}` });
  if (res.status !== 200) throw new Error(`charter access: cannot save a draft: ${res.status} ${res.text}`);
}

export const charterAccess: AccessTable = {
  'GET /api/v1/charter': {
    why: 'The charter is published to everyone in the organization who signs in.',
    expect: signedIn(),
  },
  'GET /api/v1/charter.pdf': {
    why: 'The charter in force as a PDF (CH-1): the same readers as its page, everyone signed in.',
    expect: signedIn(),
  },
  'GET /api/v1/charter/versions': {
    why: 'Old versions stay readable by everyone signed in; drafts are left out for all but the editors.',
    expect: signedIn(),
  },
  'GET /api/v1/charter/versions/{version}': {
    why: 'A published version, and what it changed, is readable by everyone signed in.',
    expect: signedIn(),
    request: () => ({ params: { version: '1' } }),
  },
  'GET /api/v1/charter/versions/{version}.pdf': {
    why: 'A published version as a PDF is readable by everyone signed in, like its page; a draft only by its editors.',
    expect: signedIn(),
    request: () => ({ params: { version: '1' } }),
  },
  'GET /api/v1/charter/draft': {
    why: 'A draft is the unit lead’s work in progress: editors only.',
    expect: editors(),
    request: async (world) => {
      await withDraft(world);
      return {};
    },
  },
  'PUT /api/v1/charter/draft': {
    why: 'The unit lead edits the charter (admins run Stride and may too).',
    expect: editors(),
    request: (world) => ({ body: { ...demoCharter, changeSummary: `Edited ${world.unique()}` } }),
  },
  'POST /api/v1/charter/draft/publish': {
    why: 'Publishing changes the promises every clock is judged by: editors only.',
    expect: editors(),
    request: async (world) => {
      await withDraft(world);
      return { body: { changeSummary: `Published ${world.unique()}` } };
    },
  },
};
