import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { findAudienceUnitIds } from '../catalog/sessions-for-enrolment';
import type { CourseRow } from '../catalog/read-course';
import type { LockedSession } from './enrolment-context';
import type { Change, EnrolmentRow } from './enrolment-history';
import { fitPeople, fitPerson, unitsByIds } from './enrolment-people';
import type { AudienceAnswersInput } from './audience-schemas';
import { checkFit, type FitFacts, type FitFlag } from './fit-rules';
import { enrolmentAudience, enrolmentFitFlags } from './schema';

// The audience analysis's writes (CA-4), in the caller's transaction, under the session's lock:
// the answers and expectations an enrolment arrives with, the supervisor's expectations added on
// approval, and the fit check run again after each of those and after every change of state that
// matters to a rule. The rules themselves are pure (fit-rules.ts); this file gathers their facts
// and keeps the stored flags in step: new ones raised, changed ones reworded, gone ones cleared.

export type AudienceRow = typeof enrolmentAudience.$inferSelect;
export type AudienceValues = Partial<Omit<typeof enrolmentAudience.$inferInsert, 'enrolmentId' | 'checkedAt'>>;

/** The learner's answers as stored; "I meet the prerequisites" only where the course names some. */
export function answersValues(answers: AudienceAnswersInput, course: Pick<CourseRow, 'prerequisites'>, by: string | null, now: Date): AudienceValues {
  return {
    role: answers.role || null,
    reason: answers.reason,
    priorExperience: answers.priorExperience,
    priorExperienceNote: answers.priorExperienceNote || null,
    selfRatedLevel: answers.selfRatedLevel,
    meetsPrerequisites: course.prerequisites.trim() ? (answers.meetsPrerequisites ?? null) : null,
    answeredBy: by,
    answeredAt: now,
  };
}

export function expectationsValues(text: string | null | undefined, by: string | null, now: Date): AudienceValues {
  const expectations = text?.trim();
  return expectations ? { expectations, expectationsBy: by, expectationsAt: now } : {};
}

/** Answers to a course with prerequisites must say whether the learner meets them (400 at `field`). */
export function assertAnswersComplete(course: Pick<CourseRow, 'prerequisites'>, answers: AudienceAnswersInput | undefined, field: string): void {
  const prerequisites = course.prerequisites.trim();
  if (answers && prerequisites && !answers.meetsPrerequisites) {
    throw AppError.invalid([{ field, message: `Say whether you meet the prerequisites (yes, partly or no): “${prerequisites}”` }]);
  }
}

/** The course's audience units (CA-4), named: read once for every enrolment checked in one go. */
async function audienceUnitsOf(tx: DbOrTx, course: CourseRow) {
  const unitIds = (await findAudienceUnitIds(tx, [course.id])).get(course.id) ?? [];
  return unitsByIds(tx, unitIds);
}

function factsOf(row: EnrolmentRow, target: LockedSession, audienceUnits: FitFacts['course']['audienceUnits'], audience: AudienceRow, person: { name: string; unit: FitFacts['person']['unit'] }): FitFacts {
  const { course, session } = target;
  return {
    person: { name: person.name, unit: person.unit },
    course: { code: course.code, title: course.title, prerequisites: course.prerequisites, audienceUnits },
    approvalMode: session.approvalMode,
    awaitingSupervisor: row.state === 'pending_approval' && row.approvalBy === 'supervisor',
    answers:
      audience.answeredAt && audience.priorExperience && audience.selfRatedLevel
        ? { reason: audience.reason, priorExperience: audience.priorExperience, selfRatedLevel: audience.selfRatedLevel, meetsPrerequisites: audience.meetsPrerequisites }
        : null,
    expectations: audience.expectations,
  };
}

/** JSON with sorted keys: jsonb gives keys back in its own order, and a flag that did not change must compare equal. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

async function keepFlags(tx: DbOrTx, now: Date, enrolmentId: string, flags: FitFlag[]): Promise<void> {
  const live = await tx.select().from(enrolmentFitFlags).where(and(eq(enrolmentFitFlags.enrolmentId, enrolmentId), isNull(enrolmentFitFlags.clearedAt)));
  const was = new Map(live.map((f) => [f.rule, f]));
  const raised = flags.filter((f) => !was.has(f.rule));
  const gone = live.filter((l) => !flags.some((f) => f.rule === l.rule)).map((l) => l.id);
  if (gone.length > 0) await tx.update(enrolmentFitFlags).set({ clearedAt: now }).where(inArray(enrolmentFitFlags.id, gone));
  for (const flag of flags) {
    const before = was.get(flag.rule);
    if (before && (before.explanation !== flag.explanation || stable(before.details) !== stable(flag.details))) {
      await tx.update(enrolmentFitFlags).set({ explanation: flag.explanation, details: flag.details }).where(eq(enrolmentFitFlags.id, before.id));
    }
  }
  if (raised.length > 0) await tx.insert(enrolmentFitFlags).values(raised.map((f) => ({ enrolmentId, rule: f.rule, explanation: f.explanation, details: f.details, raisedAt: now })));
}

async function personOf(tx: DbOrTx, personId: string) {
  const person = await fitPerson(tx, personId);
  if (!person) throw new AppError('internal', 'An enrolment names a person who does not exist.');
  return person;
}

/**
 * A new session enrolment's audience: the answers and expectations it arrives with (none: flagged
 * "not answered"), the role prefilled from the job title when the learner left it empty, and its
 * first fit check.
 */
export async function startAudience(tx: DbOrTx, change: Change, target: LockedSession, row: EnrolmentRow, values: AudienceValues): Promise<void> {
  await startAudiences(tx, target, [{ change, row, values }]);
}

/** The same for several new enrolments of one session (a crowd applying at once): five statements for any number. */
export async function startAudiences(tx: DbOrTx, target: LockedSession, items: { change: Change; row: EnrolmentRow; values: AudienceValues }[]): Promise<void> {
  const people = await fitPeople(tx, items.map((i) => i.row.personId));
  const personOfRow = (row: EnrolmentRow) => {
    const person = people.get(row.personId);
    if (!person) throw new AppError('internal', 'An enrolment names a person who does not exist.');
    return person;
  };
  const inserted = await tx
    .insert(enrolmentAudience)
    .values(items.map(({ change, row, values }) => ({ ...values, role: values.answeredAt ? values.role || personOfRow(row).jobTitle || null : null, enrolmentId: row.id, checkedAt: change.now })))
    .returning();
  const audiences = new Map(inserted.map((a) => [a.enrolmentId, a]));
  const units = await audienceUnitsOf(tx, target.course);
  const raised = items.flatMap(({ change, row }) =>
    checkFit(factsOf(row, target, units, audiences.get(row.id)!, personOfRow(row))).map((f) => ({ enrolmentId: row.id, rule: f.rule, explanation: f.explanation, details: f.details, raisedAt: change.now })),
  );
  if (raised.length > 0) await tx.insert(enrolmentFitFlags).values(raised);
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
const changedFields = (before: AudienceRow | undefined, values: AudienceValues) =>
  Object.fromEntries(Object.keys(values).map((k) => [k, iso(before?.[k as keyof AudienceRow] ?? null)]));

/**
 * Writes answers or expectations to an enrolment's audience (a row is made for an enrolment from
 * before the questions; what was there is replaced, and the audit log keeps it), and checks the
 * fit again.
 */
export async function updateAudience(tx: DbOrTx, change: Change, target: LockedSession, row: EnrolmentRow, values: AudienceValues, action: 'answered' | 'expectations'): Promise<void> {
  const person = await personOf(tx, row.personId);
  const [before] = await tx.select().from(enrolmentAudience).where(eq(enrolmentAudience.enrolmentId, row.id));
  const written = { ...values, ...(values.answeredAt ? { role: values.role || person.jobTitle || null } : {}) };
  const set = { ...written, checkedAt: change.now };
  await tx.insert(enrolmentAudience).values({ ...set, enrolmentId: row.id }).onConflictDoUpdate({ target: enrolmentAudience.enrolmentId, set });
  await recordAudit(tx, {
    actorId: change.actorId,
    action: `enrolment.audience_${action}`,
    entity: 'enrolment',
    entityId: row.id,
    before: changedFields(before, written),
    after: Object.fromEntries(Object.entries(written).map(([k, v]) => [k, iso(v)])),
  });
  await recheckFit(tx, change, target, row, person);
}

/** Runs the fit check again for an enrolment whose state, answers or expectations changed. */
export async function recheckFit(tx: DbOrTx, change: Change, target: LockedSession, row: EnrolmentRow, known?: { name: string; unit: FitFacts['person']['unit'] }): Promise<void> {
  const [audience] = await tx.select().from(enrolmentAudience).where(eq(enrolmentAudience.enrolmentId, row.id));
  if (!audience) return; // made before the questions, and never answered: nothing to check against
  const person = known ?? (await personOf(tx, row.personId));
  await keepFlags(tx, change.now, row.id, checkFit(factsOf(row, target, await audienceUnitsOf(tx, target.course), audience, person)));
  await tx.update(enrolmentAudience).set({ checkedAt: change.now }).where(eq(enrolmentAudience.enrolmentId, row.id));
}

/** What a redirect carries to the new enrolment: everything, but "I meet the prerequisites" only within the same course. */
export async function carriedAudience(tx: DbOrTx, from: EnrolmentRow, sameCourse: boolean): Promise<AudienceValues> {
  const [audience] = await tx.select().from(enrolmentAudience).where(eq(enrolmentAudience.enrolmentId, from.id));
  if (!audience) return {};
  const { enrolmentId: _id, checkedAt: _checked, ...values } = audience;
  return sameCourse ? values : { ...values, meetsPrerequisites: null };
}
