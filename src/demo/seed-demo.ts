import { count, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import { hashPassword } from '../platform/auth/passwords';
import { saveUnitSettings } from '../platform/settings/unit-settings';
import { recordAudit } from '../platform/audit/record-audit';
import { businessUnits, people, personRoles } from '../people/schema';
import { credentials } from '../account/schema';
import { seedDemoCharter } from '../charter/demo-charter';
import { seedDemoCatalog } from '../catalog/demo-catalog';
import { seedDemoEnrolments } from '../enrolment/demo-enrolments';
import { seedDemoDigest } from '../marketing/demo-digest';
import { seedDemoAfterTheEvent } from './demo-after-the-event';
import { fixedClock, systemClock, type Clock } from '../platform/clock';
import { seedDemoQuestions } from '../questions/demo-questions';
import { seedDemoStandards } from '../standards/demo-standards';
import { seedDemoDevelopment } from '../development/demo-development';
import { demoCheckSubjects } from './demo-check-subjects';
import { seedDemoGlossary } from '../glossary/demo-glossary';
import { seedDemoWorkshops } from '../workshops/demo-workshops';
import { seedDemoFeedback } from '../feedback/demo-feedback';
import { seedDemoSuggestions } from '../suggestions/demo-suggestions';
import { seedDemoRecognitions } from '../recognition/demo-recognition';
import { seedDemoRequests } from '../requests/demo-requests';
import { DEMO_PASSWORD, demoPeople, demoUnit, demoUnits } from './demo-organization';

const CHARTER_AGE_DAYS = 180;

export type DemoSignIn = { label: string; name: string; email: string };

/** Loads the demo organization into an empty database; does nothing when people exist. */
export async function seedDemo(db: Db, clock: Clock = systemClock): Promise<DemoSignIn[] | undefined> {
  const [existing] = await db.select({ n: count() }).from(people);
  if ((existing?.n ?? 0) > 0) return undefined;
  const everyone = demoPeople();
  const withSignIn = everyone.filter((p) => p.signIn);
  const hash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await saveUnitSettings(tx, demoUnit);
    const units = await tx.insert(businessUnits).values(demoUnits).returning();
    const unitId = new Map(units.map((u) => [u.code, u.id]));
    const inserted = await tx
      .insert(people)
      .values(everyone.map((p) => ({ employeeId: p.employeeId, name: p.name, email: p.email, jobTitle: p.jobTitle, businessUnitId: unitId.get(p.unit) ?? null, timeZone: p.timeZone, locale: p.locale })))
      .returning({ id: people.id, employeeId: people.employeeId });
    const idOf = new Map(inserted.map((r) => [r.employeeId, r.id]));
    for (const p of everyone) {
      if (!p.manager) continue;
      await tx.update(people).set({ managerId: idOf.get(p.manager)! }).where(eq(people.id, idOf.get(p.employeeId)!));
    }
    const roleRows = everyone.flatMap((p) => (p.roles ?? []).map((role) => ({ personId: idOf.get(p.employeeId)!, role })));
    if (roleRows.length) await tx.insert(personRoles).values(roleRows);
    await tx.insert(credentials).values(withSignIn.map((p) => ({ personId: idOf.get(p.employeeId)!, passwordHash: hash })));
    await recordAudit(tx, { actorId: null, action: 'seed', entity: 'demo-organization', entityId: 'northwind', after: { people: everyone.length, units: demoUnits.length } });
    // The unit lead published the charter the demo's promises are measured against half a year
    // ago, so the history below (certificates sent, questions answered) ran on its clocks.
    await seedDemoCharter(tx, fixedClock(new Date(clock.now().getTime() - CHARTER_AGE_DAYS * 86_400_000)), idOf.get('N0010') ?? null);
    // Questions to the unit over the last weeks, mostly answered in time (IN-1, CH-3).
    await seedDemoQuestions(tx, clock, idOf);
    // The coordinator's catalog: a dozen courses, sessions over the next two months from `clock`.
    await seedDemoCatalog(tx, clock, { people: idOf, units: unitId });
    // Enrolments in every state across those sessions: seats, a waitlist, approvals waiting (CA-3).
    await seedDemoEnrolments(tx, clock, idOf);
    // A few people have opted in to the digest of new and upcoming courses on their interests (CA-6).
    await seedDemoDigest(tx, clock, idOf);
    // Sessions that already happened: attendance, certificates, follow-ups answered, support cases and retention plans (AF-1..7).
    await seedDemoAfterTheEvent(tx, clock, idOf);
    // The unit's three standards, one revised, and courses and a session checked against them (ST-1, ST-2).
    await seedDemoStandards(tx, clock, idOf, await demoCheckSubjects(tx, clock));
    // Courseware in development at three stages with partners' comments and sign-offs, and problem reports on a course (DV-1, DV-2, DV-4).
    await seedDemoDevelopment(tx, clock, idOf);
    // The unit's service language, then a finished customer experience workshop with Customer Care and one under way with Field Operations, their words in the glossary (FB-3, CX-1..4).
    await seedDemoGlossary(tx, clock, idOf.get('N0010')!);
    await seedDemoWorkshops(tx, clock);
    // Feedback in every state over half a year, suggestions at each step, a few recognitions (FB-1, FB-2, FB-4).
    await seedDemoFeedback(tx, clock, idOf);
    await seedDemoSuggestions(tx, clock, idOf);
    await seedDemoRecognitions(tx, clock, idOf);
    // Requests in every state, goals and prime segments, and the call team's request that ended in a procedure change and a job aid, no course (RQ-1..7).
    await seedDemoRequests(tx, clock, idOf, unitId);
  });
  return withSignIn.map((p) => ({ label: p.signIn!, name: p.name, email: p.email }));
}
