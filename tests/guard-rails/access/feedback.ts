import type { World } from '../cast';
import { submitFeedback } from '../../../src/feedback/submit-feedback';
import { respondToFeedback } from '../../../src/feedback/respond-to-feedback';
import { listStoredFiles } from '../../../src/platform/files/read-stored-files';
import { everyone, only, signedIn, type AccessTable, type Caller } from './expectations';

// Feedback and complaints (FB-1) are told to the unit: its unit lead, coordinators and admins
// handle them. A named sender reads their own; an anonymous one follows it by its private link
// (the token is the credential). Leaders see the month-by-month trend, never an item; the
// sender's manager learns nothing.

const unit: Caller[] = ['coordinator', 'unitLead', 'admin'];
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3e8b8c40000000049454e44ae426082', 'hex').toString('base64');

const complaint = { kind: 'complaint' as const, category: 'certificate' as const, about: 'November session', body: 'The certificate came three weeks late.', attachments: [] };

/** A fresh feedback (named by the learner, with a file, or anonymous), optionally already responded to. */
async function freshFeedback(world: World, options: { named?: boolean; responded?: boolean } = {}) {
  const { db, clock } = world.stride;
  const learner = world.people.learner;
  const actor = options.named ? { id: learner.id, name: learner.name, email: learner.email, roles: [] } : null;
  const receipt = await submitFeedback(db, clock, 'http://stride.test', actor, { ...complaint, anonymous: !options.named, attachments: options.named ? [{ name: 'proof.png', content: png }] : [] });
  if (options.responded) {
    const coordinator = world.people.coordinator;
    await respondToFeedback(db, clock, { id: coordinator.id, name: coordinator.name, email: coordinator.email, roles: ['coordinator'] }, receipt.id, 'Attendance is now recorded the same day.');
  }
  return receipt;
}

const onFeedback = (body?: (world: World) => unknown, responded = false) => async (world: World) => ({ params: { id: (await freshFeedback(world, { named: true, responded })).id }, body: body?.(world) });

export const feedbackAccess: AccessTable = {
  'POST /api/v1/feedback': {
    why: 'Anyone, signed in or not, can tell the unit what went wrong or right; anonymously if they choose (rate-limited).',
    expect: everyone(),
    request: () => ({ body: { ...complaint, anonymous: true } }),
  },
  'GET /api/v1/feedback/follow/{token}': {
    why: 'The private link is the sender’s way in, anonymous or not: the token is the credential (rate-limited); it never shows internal notes.',
    expect: everyone(),
    request: async (world) => ({ params: { token: (await freshFeedback(world)).followToken } }),
  },
  'POST /api/v1/feedback/follow/{token}/reply': {
    why: 'Whoever holds the private link says whether the response settles it.',
    expect: everyone(),
    request: async (world) => ({ params: { token: (await freshFeedback(world, { responded: true })).followToken }, body: { satisfied: true, comment: 'Thank you.' } }),
  },
  'GET /api/v1/feedback': {
    why: 'The feedback queue is the unit’s.',
    expect: only(...unit),
    request: () => ({ query: { status: 'received' } }),
  },
  'GET /api/v1/feedback/mine': {
    why: 'Everyone signed in lists what they sent named; an empty list for those who sent nothing.',
    expect: signedIn(),
  },
  'GET /api/v1/feedback/trend': {
    why: 'The trend (counts by month and category, never by person) is for the unit and its leaders.',
    expect: only(...unit, 'leader'),
  },
  'GET /api/v1/feedback/{id}': {
    why: 'Named feedback is its sender’s and the unit’s; for anyone else, their manager included, it does not exist.',
    expect: only('learner', ...unit),
    request: onFeedback(),
  },
  'GET /api/v1/feedback/{id}/files/{fileId}': {
    why: 'An attachment is read by those who may read its feedback.',
    expect: only('learner', ...unit),
    request: async (world) => {
      const { id } = await freshFeedback(world, { named: true });
      const file = (await listStoredFiles(world.stride.db, 'feedback', [id])).get(id)![0]!;
      return { params: { id, fileId: file.id } };
    },
  },
  'POST /api/v1/feedback/{id}/acknowledge': {
    why: 'The unit acknowledges and names who handles it.',
    expect: only(...unit),
    request: onFeedback((world) => ({ ownerId: world.people.coordinator.id, message: 'I am looking into it.' })),
  },
  'POST /api/v1/feedback/{id}/notes': {
    why: 'Investigation notes are the unit’s.',
    expect: only(...unit),
    request: onFeedback(() => ({ note: 'Checked the certificate job log.' })),
  },
  'POST /api/v1/feedback/{id}/respond': {
    why: 'The unit responds: what it found and what changes.',
    expect: only(...unit),
    request: onFeedback(() => ({ response: 'Attendance is now recorded the same day.' })),
  },
  'POST /api/v1/feedback/{id}/close': {
    why: 'The unit closes the loop after its response.',
    expect: only(...unit),
    request: onFeedback(() => ({ note: 'Called her; it is settled.' }), true),
  },
};
