import type { SaveWorkshopInput } from '../workshop-schemas';
import type { OpportunityKind } from '../workshop-values';
import type { WorkshopView } from './workshops-api';

// The workshop editor's working copy (CX-1..3): rows carry a key of their own so a new moment and
// the opportunities found at it can point at each other before the server has given them ids.

let counter = 0;
export const newKey = () => `new-${++counter}`;

export type MomentRow = { key: string; id?: string; name: string; happensNow: string; shouldHappen: string; standardsNow: string; standardsNeeded: string; nonValueAdded: string };
export type OpportunityRow = { key: string; id?: string; momentKey: string | null; kind: OpportunityKind | ''; description: string; requested: boolean };
export type StoryRow = { key: string; id?: string; momentKey: string | null; story: string; toldBy: string };
export type ParticipantRow = { key: string; personId: string | null; name: string; contribution: string };

export type Draft = {
  title: string;
  businessUnitId: string | null;
  process: string;
  purpose: string;
  heldOn: string;
  facilitatorId: string | null;
  facilitatorName: string;
  participants: ParticipantRow[];
  moments: MomentRow[];
  opportunities: OpportunityRow[];
  stories: StoryRow[];
};

export function draftOf(w: WorkshopView): Draft {
  return {
    title: w.title,
    businessUnitId: w.businessUnit?.id ?? null,
    process: w.process ?? '',
    purpose: w.purpose,
    heldOn: w.heldOn,
    facilitatorId: w.facilitator.id,
    facilitatorName: w.facilitator.name,
    participants: w.participants.map((p) => ({ key: p.person.id, personId: p.person.id, name: p.person.name, contribution: p.contribution })),
    moments: w.moments.map((m) => ({ key: m.id, ...m })),
    opportunities: w.opportunities.map((o) => ({ key: o.id, id: o.id, momentKey: o.momentId, kind: o.kind, description: o.description, requested: !!o.requestId })),
    stories: w.stories.map((s) => ({ key: s.id, id: s.id, momentKey: s.momentId, story: s.story, toldBy: s.toldBy ?? '' })),
  };
}

/** What the server is sent; checked first with the server's own schema. Unknown kinds stay empty so the schema names them. */
export function inputOf(d: Draft, revision: number): unknown {
  const momentIndex = (key: string | null) => {
    const i = key === null ? -1 : d.moments.findIndex((m) => m.key === key);
    return i < 0 ? null : i;
  };
  return {
    revision,
    title: d.title,
    businessUnitId: d.businessUnitId,
    process: d.process.trim() || null,
    purpose: d.purpose,
    heldOn: d.heldOn,
    facilitatorId: d.facilitatorId ?? '',
    participants: d.participants.map((p) => ({ personId: p.personId ?? '', contribution: p.contribution })),
    moments: d.moments.map(({ key: _key, ...m }) => m),
    opportunities: d.opportunities.map((o) => ({ id: o.id, moment: momentIndex(o.momentKey), kind: o.kind || undefined, description: o.description })),
    stories: d.stories.map((s) => ({ id: s.id, moment: momentIndex(s.momentKey), story: s.story, toldBy: s.toldBy.trim() || null })),
  } satisfies Record<keyof SaveWorkshopInput, unknown>;
}

export const isDirty = (d: Draft, w: WorkshopView) => JSON.stringify(inputOf(d, 0)) !== JSON.stringify(inputOf(draftOf(w), 0));
