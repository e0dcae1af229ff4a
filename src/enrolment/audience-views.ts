import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { AudienceView } from './audience-schemas';
import { fitRuleLabels } from './audience-values';
import type { AudienceRow } from './audience-fit';
import { enrolmentAudience, enrolmentFitFlags } from './schema';

// The audience analysis as the API shows it (CA-4), for any number of enrolments in one query:
// answers and expectations to whoever sees the enrolment, the flags to those who decide or teach.

type FlagRow = typeof enrolmentFitFlags.$inferSelect;
export type AudienceParts = { rows: Map<string, AudienceRow>; flags: Map<string, FlagRow[]>; peopleIds: string[] };

export async function loadAudience(tx: DbOrTx, enrolmentIds: string[]): Promise<AudienceParts> {
  if (enrolmentIds.length === 0) return { rows: new Map(), flags: new Map(), peopleIds: [] };
  const joined = await tx
    .select({ audience: enrolmentAudience, flag: enrolmentFitFlags })
    .from(enrolmentAudience)
    .leftJoin(enrolmentFitFlags, and(eq(enrolmentFitFlags.enrolmentId, enrolmentAudience.enrolmentId), isNull(enrolmentFitFlags.clearedAt)))
    .where(inArray(enrolmentAudience.enrolmentId, enrolmentIds))
    .orderBy(asc(enrolmentFitFlags.id));
  const rows = new Map<string, AudienceRow>();
  const flags = new Map<string, FlagRow[]>();
  for (const { audience, flag } of joined) {
    rows.set(audience.enrolmentId, audience);
    if (flag) flags.set(flag.enrolmentId, [...(flags.get(flag.enrolmentId) ?? []), flag]);
  }
  return { rows, flags, peopleIds: [...rows.values()].flatMap((r) => [r.answeredBy, r.expectationsBy]).filter((id): id is string => !!id) };
}

const order = Object.keys(fitRuleLabels);

export function audienceViewOf(parts: AudienceParts, enrolmentId: string, nameOf: (id: string | null) => { id: string; name: string } | null, showFlags: boolean): AudienceView | null {
  const a = parts.rows.get(enrolmentId);
  if (!a) return null;
  const flags = [...(parts.flags.get(enrolmentId) ?? [])].sort((x, y) => order.indexOf(x.rule) - order.indexOf(y.rule));
  return {
    answers:
      a.answeredAt && a.priorExperience && a.selfRatedLevel
        ? {
            role: a.role,
            reason: a.reason,
            priorExperience: a.priorExperience,
            priorExperienceNote: a.priorExperienceNote,
            selfRatedLevel: a.selfRatedLevel,
            meetsPrerequisites: a.meetsPrerequisites,
            answeredBy: nameOf(a.answeredBy),
            answeredAt: a.answeredAt.toISOString(),
          }
        : null,
    expectations: a.expectations && a.expectationsAt ? { text: a.expectations, by: nameOf(a.expectationsBy), at: a.expectationsAt.toISOString() } : null,
    flags: showFlags ? flags.map((f) => ({ rule: f.rule, label: fitRuleLabels[f.rule], explanation: f.explanation, raisedAt: f.raisedAt.toISOString() })) : null,
    checkedAt: a.checkedAt.toISOString(),
  };
}
