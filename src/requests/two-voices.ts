import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { surveyClosesAt as closesAt, type TwoVoicesView } from './survey-schemas';
import { causeKinds } from './request-values';
import { worksRequests } from './request-staff';
import { mayWork } from './request-work';
import { namesOf } from './person-names';
import { requestSurveyInvites, type trainingRequests } from './schema';

type Row = typeof trainingRequests.$inferSelect;
const openStates: readonly string[] = ['triaged', 'diagnosing', 'recommended', 'discussing'];

/**
 * RQ-4: the stakeholder's wants and the learners' realities, side by side. The learners' answers
 * are aggregated (the confidence spread, the causes they name, what gets in the way and what would
 * help, in no particular person's order) and shown to the unit only.
 */
export async function twoVoicesOf(tx: DbOrTx, actor: Actor, r: Row): Promise<TwoVoicesView> {
  const base = { stakeholderWants: r.stakeholderWants, reconciliation: r.reconciliation, canSurvey: worksRequests(actor) && !!r.ownerId && mayWork(actor, r) && openStates.includes(r.state) };
  if (!worksRequests(actor)) return { ...base, learners: null };
  const invites = await tx.select().from(requestSurveyInvites).where(eq(requestSurveyInvites.requestId, r.id)).orderBy(asc(requestSurveyInvites.sentAt), asc(requestSurveyInvites.id));
  const names = await namesOf(tx, invites.map((i) => i.personId));
  const answers = invites.flatMap((i) => (i.answers ? [i.answers] : []));
  const counts = [1, 2, 3, 4, 5].map((n) => answers.filter((a) => a.confidence === n).length);
  const rated = answers.filter((a) => a.confidence >= 1);
  // Sorted text, so the order says nothing about who answered when.
  const sorted = (pick: (a: (typeof answers)[number]) => string) => answers.map(pick).sort((a, b) => a.localeCompare(b));
  return {
    ...base,
    learners: {
      invites: invites.map((i) => ({ person: { id: i.personId, name: names.get(i.personId) ?? 'Someone' }, sentAt: i.sentAt.toISOString(), answeredAt: i.answeredAt?.toISOString() ?? null, closesAt: closesAt(i.sentAt).toISOString() })),
      invited: invites.length,
      answered: answers.length,
      confidence: { mean: rated.length ? rated.reduce((s, a) => s + a.confidence, 0) / rated.length : null, counts },
      causes: causeKinds.map((cause) => ({ cause, count: answers.filter((a) => a.cause === cause).length })).filter((c) => c.count > 0).sort((a, b) => b.count - a.count),
      obstacles: sorted((a) => a.obstacles),
      wouldHelp: sorted((a) => a.wouldHelp),
    },
  };
}
