import { createSubscriber, issueUnsubscribeLink } from '../../support/marketing-factories';
import type { World } from '../cast';
import { everyone, signedIn, type AccessTable } from './expectations';

// The marketing digest (CA-6) is each person's own choice: everyone signed in reads, saves and
// previews their own, and nobody anyone else's (no operation names a person). The unsubscribe link
// in a digest works for whoever holds it, signed in or not, and stops only that digest.

/** A digest's unsubscribe link, for a subscriber of its own (each caller stops a digest of their own). */
async function link(world: World): Promise<string> {
  const subscriber = await createSubscriber(world.stride.db, world.stride.clock, [world.records.interestId]);
  return issueUnsubscribeLink(world.stride.db, world.stride.clock, subscriber.id);
}

export const marketingAccess: AccessTable = {
  'GET /api/v1/marketing/preferences': {
    why: 'Everyone signed in reads their own digest choice; the operation names nobody else.',
    expect: signedIn(),
  },
  'PUT /api/v1/marketing/preferences': {
    why: 'Everyone signed in opts in to (or out of) the digest for themselves; nobody can subscribe someone else.',
    expect: signedIn(),
    request: (world) => ({ body: { subscribed: true, frequency: 'monthly', interestIds: [world.records.interestId] } }),
  },
  'GET /api/v1/marketing/preferences/preview': {
    why: 'Everyone signed in previews their own next digest from the published catalog.',
    expect: signedIn(),
    request: (world) => ({ query: { frequency: 'weekly', interests: world.records.interestId } }),
  },
  'GET /api/v1/unsubscribe/{token}': {
    why: 'Whoever holds a digest’s unsubscribe link sees whose digest it stops (address partly hidden); reading changes nothing.',
    expect: everyone(),
    request: async (world) => ({ params: { token: await link(world) } }),
  },
  'POST /api/v1/unsubscribe/{token}': {
    why: 'RFC 8058 one-click: whoever holds the link stops that digest, without signing in (rate-limited, CSRF-exempt: decision 015).',
    expect: everyone(),
    request: async (world) => ({ params: { token: await link(world) }, body: { 'List-Unsubscribe': 'One-Click' } }),
  },
};
