import { expect } from 'vitest';
import type { TestClient } from './test-client';
import { causeKinds, type CauseKind } from '../../src/requests/request-values';

export const callTeamRequest = {
  title: 'Customer service training for the call team',
  problem: 'Callers complain that they are passed around and nobody owns their problem.',
  audience: 'The first-line call team',
  audienceSize: 24,
  desiredOutcome: 'Callers get their problem owned on the first call.',
  proposedSolution: 'A two-day customer service course.',
  urgency: 'soon',
};

/** A request the requester sent, given by `triager` to `ownerId` (RQ-1, RQ-2). Returns its view. */
export async function triagedRequest(requester: TestClient, triager: TestClient, ownerId: string, body: Record<string, unknown> = callTeamRequest) {
  const draft = await requester.post('/api/v1/requests', body);
  expect(draft.status, draft.text).toBe(201);
  const sent = await requester.post(`/api/v1/requests/${draft.body.id}/submit`, { revision: draft.body.revision });
  expect(sent.status, sent.text).toBe(200);
  const assigned = await triager.post(`/api/v1/requests/${draft.body.id}/assign`, { ownerId });
  expect(assigned.status, assigned.text).toBe(200);
  return assigned.body;
}

/** Every cause weighed: those named get their weight and evidence, the rest 0. */
export function weighed(weights: Partial<Record<CauseKind, [number, string]>>) {
  return causeKinds.map((cause) => ({ cause, weight: weights[cause]?.[0] ?? 0, evidence: weights[cause]?.[1] ?? '' }));
}

export const escalationDiagnosis = {
  gapCurrent: '4 in 10 calls that need a second line are transferred more than once; callers repeat their story.',
  gapDesired: 'A call that needs the second line is handed over once, with the story written down.',
  gapMeasure: 'Transfers per call in the telephony report, four weeks before and after.',
  causes: weighed({
    unclear_procedure: [3, 'Three escalation guides disagree; agents pick whichever they learned first.'],
    tools_resources: [2, 'The ticket tool has no field for “already tried”; agents retype notes.'],
    knowledge_skill: [1, 'New agents know the products; two of twelve observed calls showed a gap in questioning.'],
  }),
};
