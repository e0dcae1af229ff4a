import type { World } from '../cast';
import type { Actor } from '../../../src/platform/auth/actor';
import { submitSuggestion } from '../../../src/suggestions/submit-suggestion';
import { escalateSuggestion } from '../../../src/suggestions/review-suggestion';
import { only, signedIn, type AccessTable } from './expectations';

// Service suggestions (FB-2) and recognition (FB-4). A suggestion is read by its submitter, the
// people above them in the org chart, leaders and admins; only the submitter's own manager reviews
// it (escalate or answer why not); only leaders decide. Recognition is open to everyone signed in.

const asActor = (person: { id: string; name: string; email: string }, roles: Actor['roles'] = []): Actor => ({ ...person, roles });
const idea = { title: 'Call back after long outages', idea: 'Agents call customers whose outage lasted more than a day.', benefit: 'Fewer repeat calls.' };

/** A fresh suggestion of the learner's, escalated by their manager when asked. */
async function freshSuggestion(world: World, escalated = false): Promise<string> {
  const { db, clock } = world.stride;
  const view = await submitSuggestion(db, clock, 'http://stride.test', asActor(world.people.learner), idea);
  if (escalated) await escalateSuggestion(db, clock, 'http://stride.test', asActor(world.people.supervisorOfLearner), view.id, 'Cheap to try.');
  return view.id;
}

const onSuggestion = (body: unknown, escalated = false) => async (world: World) => ({ params: { id: await freshSuggestion(world, escalated) }, body });

export const suggestionsAccess: AccessTable = {
  'POST /api/v1/suggestions': {
    why: 'Everyone signed in can suggest how to improve service.',
    expect: signedIn(),
    request: () => ({ body: idea }),
  },
  'GET /api/v1/suggestions': {
    why: 'Everyone signed in lists their own suggestions (the default view).',
    expect: signedIn(),
  },
  'GET /api/v1/suggestions/{id}': {
    why: 'A suggestion is its submitter’s, their managers’ up the org chart, and leaders’ (admins too); for anyone else it does not exist.',
    expect: only('learner', 'supervisorOfLearner', 'leader', 'admin'),
    request: onSuggestion(undefined),
  },
  'POST /api/v1/suggestions/{id}/escalate': {
    why: 'Only the submitter’s manager supports and escalates it to leadership.',
    expect: only('supervisorOfLearner'),
    request: onSuggestion({ support: 'Our repeat-call rate is our worst number.' }),
  },
  'POST /api/v1/suggestions/{id}/answer': {
    why: 'Only the submitter’s manager answers why not.',
    expect: only('supervisorOfLearner'),
    request: onSuggestion({ reason: 'The outage team already calls every customer after a day.' }),
  },
  'POST /api/v1/suggestions/{id}/decide': {
    why: 'Leaders decide what was escalated to them.',
    expect: only('leader'),
    request: onSuggestion({ decision: 'adopt', reason: 'Adopted from January.' }, true),
  },
  'POST /api/v1/recognitions': {
    why: 'Anyone signed in can recognise a colleague (FB-4).',
    expect: signedIn(),
    request: (world) => ({ body: { personId: world.visitor.id, act: 'Fixed a learner’s VPN after the session.', value: 'She met her certification deadline.' } }),
  },
  'GET /api/v1/recognitions': {
    why: 'Recognitions are shared with everyone signed in, as stories by date.',
    expect: signedIn(),
  },
};
