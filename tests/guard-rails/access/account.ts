import { TEST_PASSWORD } from '../../support/factories';
import { everyone, signedIn, type AccessTable } from './expectations';

export const accountAccess: AccessTable = {
  'GET /api/v1/session': {
    why: 'Anyone may ask who is signed in; the answer is only ever about the caller.',
    expect: everyone(),
  },
  'POST /api/v1/session': {
    why: 'Signing in is open to all; each caller signs in as themselves (anonymous: a visitor).',
    expect: everyone(),
    request: (world, caller) => ({
      body: { email: caller === 'anonymous' ? world.visitor.email : world.people[caller].email, password: TEST_PASSWORD },
    }),
  },
  'DELETE /api/v1/session': {
    why: 'Signing out is open to all and ends only the caller’s own session.',
    expect: everyone(),
    endsSession: true,
  },
  'POST /api/v1/password-resets': {
    why: 'Anyone may ask for a reset link; the answer is the same whether or not the address exists, and the link goes to the address.',
    expect: everyone(),
    request: (world) => ({ body: { email: world.people.learner.email } }),
  },
  'POST /api/v1/password-resets/confirm': {
    why: 'Whoever holds a valid reset link may choose a new password; the link is the proof.',
    expect: everyone(),
    request: async (world) => ({ body: { token: await world.resetToken(), password: 'a brand new long password' } }),
  },
  'POST /api/v1/account/password': {
    why: 'Everyone signed in may change their own password, and only their own.',
    expect: signedIn(),
    request: () => ({ body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } }),
  },
};
