import { eq } from 'drizzle-orm';
import { createPerson } from '../../support/factories';
import { publishedCourse } from '../../support/enrolment-factories';
import { enrolments } from '../../../src/enrolment/schema';
import { certificates } from '../../../src/certificates/schema';
import { issuePendingCertificates } from '../../../src/certificates/issue-certificates';
import { newCertificateCode } from '../../../src/certificates/certificate-code';
import type { World } from '../cast';
import { everyone, only, type AccessTable, type Caller } from './expectations';

// Certificates (AF-2) belong with the enrolment they close: the learner, anyone above them in the
// org chart and the coordinators who run enrolments read them; consultants, leaders, instructors
// and peers do not (404, as for enrolments). Coordinators withdraw one issued in error. Anyone,
// signed in or not, checks a code on the public verification route.

const unit: Caller[] = ['coordinator', 'unitLead', 'admin'];
const admin = (world: World) => world.session('admin').clone();

/** A certificate of the learner's: a self-paced course they completed, issued as the job would. */
async function issueLearnerCertificate(world: World): Promise<{ id: string; code: string; enrolmentId: string; courseId: string }> {
  const courseId = await publishedCourse(admin(world), world.people.coordinator.id, { format: 'e-learning', durationMinutes: 30 });
  const res = await world.session('learner').clone().post(`/api/v1/courses/${courseId}/enrolments`, {});
  if (res.status !== 201) throw new Error(`certificate access: the learner cannot enrol: ${res.status} ${res.text}`);
  const enrolmentId = String(res.body.id);
  // E-learning completion is recorded elsewhere (AF-1); the guard rail only needs its outcome.
  await world.stride.db.update(enrolments).set({ state: 'completed', completedAt: world.stride.clock.now() }).where(eq(enrolments.id, enrolmentId));
  await issuePendingCertificates({ db: world.stride.db, clock: world.stride.clock, publicUrl: 'http://stride.test' });
  const [row] = await world.stride.db.select().from(certificates).where(eq(certificates.enrolmentId, enrolmentId));
  if (!row) throw new Error('certificate access: no certificate was issued');
  return { id: row.id, code: row.code, enrolmentId, courseId };
}

/**
 * A certificate only a coordinator's withdrawal touches, cheaply: a new colleague's completed
 * enrolment in the same course and its certificate row, written directly (each allowed call
 * withdraws one, and a withdrawn certificate cannot be withdrawn again).
 */
async function freshCertificate(world: World): Promise<string> {
  const { courseId } = await learnerCertificate(world);
  const db = world.stride.db;
  const now = world.stride.clock.now();
  const person = await createPerson(db, { name: `Rhea Reissued ${world.unique()}`, managerId: world.people.supervisorOfLearner.id, password: false });
  const [enrolment] = await db.insert(enrolments).values({ courseId, personId: person.id, state: 'completed', origin: 'self', appliedAt: now, confirmedAt: now, completedAt: now, updatedAt: now }).returning();
  const [row] = await db
    .insert(certificates)
    .values({ enrolmentId: enrolment!.id, code: newCertificateCode(), learnerName: person.name, courseCode: 'T-GUARD', courseTitle: 'Guard rails', completedOn: now.toISOString().slice(0, 10), durationMinutes: 30, objectives: [], issuedAt: now })
    .returning();
  return row!.id;
}

const shared = new WeakMap<World, ReturnType<typeof issueLearnerCertificate>>();
function learnerCertificate(world: World) {
  let found = shared.get(world);
  if (!found) shared.set(world, (found = issueLearnerCertificate(world)));
  return found;
}

export const certificatesAccess: AccessTable = {
  'GET /api/v1/certificates/{id}': {
    why: 'A certificate is the learner’s, their supervisors’ and the coordinators’, like the enrolment it closes.',
    expect: only('learner', 'supervisorOfLearner', ...unit),
    request: async (world) => ({ params: { id: (await learnerCertificate(world)).id } }),
  },
  'GET /api/v1/certificates/{id}/pdf': {
    why: 'The PDF shows the same as the metadata, to the same people; others check it by its code.',
    expect: only('learner', 'supervisorOfLearner', ...unit),
    request: async (world) => ({ params: { id: (await learnerCertificate(world)).id } }),
  },
  'GET /api/v1/enrolments/{id}/certificate': {
    why: 'The enrolment card in My learning (and a supervisor’s or coordinator’s view) links to its certificate.',
    expect: only('learner', 'supervisorOfLearner', ...unit),
    request: async (world) => ({ params: { id: (await learnerCertificate(world)).enrolmentId } }),
  },
  'POST /api/v1/certificates/{id}/revoke': {
    why: 'Only the training unit’s coordinators withdraw a certificate issued in error; the learner and their supervisor see it but may not (403), others do not see it (404).',
    expect: only(...unit),
    // Each allowed call withdraws a fresh certificate; refused callers try the learner's, which
    // their refusal leaves as it was.
    request: async (world, caller) => ({
      params: { id: unit.includes(caller) ? await freshCertificate(world) : (await learnerCertificate(world)).id },
      body: { reason: 'Attendance was recorded for the wrong person.' },
    }),
  },
  'GET /api/v1/verify/{code}': {
    why: 'Whoever holds the paper checks it without an account (AF-2); the answer holds only what the certificate shows.',
    expect: everyone(),
    request: async (world) => ({ params: { code: (await learnerCertificate(world)).code } }),
  },
};
