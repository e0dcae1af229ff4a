import { randomBytes } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { hashToken } from '../../src/platform/auth/tokens';
import { outbox } from '../../src/platform/mail/schema';
import { passwordResets } from '../../src/account/schema';
import { peopleImports } from '../../src/people/schema';
import { requestPasswordReset } from '../../src/account/request-password-reset';
import { seedDemoCharter } from '../../src/charter/demo-charter';
import { createBusinessUnit, createPerson, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { castCourse } from '../support/catalog-factories';
import { createTestStride, type TestStride } from '../support/test-stride';
import { TestClient } from '../support/test-client';
import type { Caller } from './access/expectations';

type Person = Exclude<Caller, 'anonymous'>;

/**
 * The people and records every guard rail plays against. The learner owns the
 * records; the others stand around them as the domain has them: a peer on
 * another team, the learner's supervisor, another team's supervisor, and one
 * holder of each role. New capabilities add the learner's records here (an
 * enrolment, a plan, a complaint) so every rule is tried against them.
 */
export type World = {
  stride: TestStride;
  people: Record<Person, TestPerson>;
  /** Someone who signs in from an anonymous browser. */
  visitor: TestPerson;
  businessUnitId: string;
  /** The learner's private data: no outsider's response may contain these. */
  learnerMarkers: string[];
  records: {
    /** A message in the outbox addressed to the learner. */
    learnerMessageId: number;
    /** A question the learner asked the unit on the web form (IN-1). */
    learnerQuestionId: string;
    /** A published course (contact: the coordinator) in the catalog (CA-1). */
    courseId: string;
    /** A scheduled session of that course (CA-2). */
    courseSessionId: string;
    /** The interest that course is filed under. */
    interestId: string;
    /** The learner's application for that session, waiting for their supervisor's approval (CA-3). */
    learnerEnrolmentId: string;
  };
  /** A client carrying the caller's long-lived session (anonymous: none). Clone it before use. */
  session(caller: Caller): TestClient;
  /** A session of its own, for calls that end it. */
  freshSession(caller: Caller): Promise<TestClient>;
  /** A previewed, not yet applied, people import that adds one new person. */
  previewedImport(): Promise<string>;
  /** Resolves once no people import is being applied (apply answers 202 and writes in the background). */
  importsSettled(): Promise<void>;
  /** A valid password-reset token for a person nobody else in the cast uses. */
  resetToken(): Promise<string>;
  unique(): string;
  close(): Promise<void>;
};

// Each caller gets its own address so per-address rate limits do not make
// one caller's refusals look like another's.
const addressOf = (caller: Caller) => `10.77.0.${10 + ['anonymous', 'learner', 'anotherLearner', 'supervisorOfLearner', 'supervisorOfOther', 'partner', 'instructor', 'coordinator', 'consultant', 'unitLead', 'leader', 'admin'].indexOf(caller)}`;

export async function createWorld(): Promise<World> {
  const stride = await createTestStride();
  const { db } = stride;
  const unique = () => randomBytes(4).toString('hex');
  const operations = await createBusinessUnit(db, { code: 'OPS', name: 'Operations' });
  const field = await createBusinessUnit(db, { code: 'FLD', name: 'Field Service' });

  const supervisorOfLearner = await createPerson(db, { name: 'Sam Supervisor', businessUnitId: operations.id, jobTitle: 'Team lead' });
  const supervisorOfOther = await createPerson(db, { name: 'Olga Otherteam', businessUnitId: field.id, jobTitle: 'Team lead' });
  const people: Record<Person, TestPerson> = {
    supervisorOfLearner,
    supervisorOfOther,
    learner: await createPerson(db, { name: 'Lena Learner', businessUnitId: operations.id, managerId: supervisorOfLearner.id }),
    anotherLearner: await createPerson(db, { name: 'Ari Anotherlearner', businessUnitId: field.id, managerId: supervisorOfOther.id }),
    partner: await createPerson(db, { name: 'Pia Partner', roles: ['partner'], jobTitle: 'Business partner' }),
    instructor: await createPerson(db, { name: 'Ivo Instructor', roles: ['instructor'] }),
    coordinator: await createPerson(db, { name: 'Cora Coordinator', roles: ['coordinator'] }),
    consultant: await createPerson(db, { name: 'Cyd Consultant', roles: ['consultant'] }),
    unitLead: await createPerson(db, { name: 'Uma Unitlead', roles: ['unit_lead'] }),
    leader: await createPerson(db, { name: 'Leo Leader', roles: ['leader'] }),
    admin: await createPerson(db, { name: 'Ada Admin', roles: ['admin'] }),
  };
  const visitor = await createPerson(db, { name: 'Vic Visitor' });
  const resetSubject = await createPerson(db, { name: 'Rita Resets' });

  // The charter everyone reads (version 1, published by the unit lead); editors save drafts on top.
  await seedDemoCharter(db, stride.clock, people.unitLead.id);

  await requestPasswordReset(db, stride.clock, 'http://stride.test', people.learner.email);
  const [message] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.toAddress, people.learner.email)).orderBy(desc(outbox.id)).limit(1);
  if (!message) throw new Error('the cast needs a message to the learner in the outbox');

  const signIn = async (caller: Caller): Promise<TestClient> => {
    const client = new TestClient(stride.app, { remoteAddress: addressOf(caller) });
    if (caller === 'anonymous') return client;
    const res = await client.post('/api/v1/session', { email: people[caller].email, password: TEST_PASSWORD });
    if (res.status !== 200) throw new Error(`cast: ${caller} cannot sign in: ${res.status} ${res.text}`);
    return client;
  };
  const sessions = new Map<Caller, TestClient>();
  for (const caller of ['anonymous', ...Object.keys(people)] as Caller[]) sessions.set(caller, await signIn(caller));
  const question = await sessions.get('learner')!.clone().post('/api/v1/questions', { subject: 'Which course covers pivot tables?', body: 'For month-end reporting.' });
  if (question.status !== 201) throw new Error(`cast: the learner cannot ask a question: ${question.status} ${question.text}`);
  const catalog = await castCourse(sessions.get('coordinator')!.clone(), people.coordinator.id, stride.clock.now());
  const enrolment = await sessions.get('learner')!.clone().post(`/api/v1/course-sessions/${catalog.courseSessionId}/enrolments`, { note: 'For the new complaints procedure.' });
  if (enrolment.status !== 201) throw new Error(`cast: the learner cannot apply for a session: ${enrolment.status} ${enrolment.text}`);

  return {
    stride,
    people,
    visitor,
    businessUnitId: operations.id,
    learnerMarkers: [people.learner.email, people.learner.employeeId],
    records: { learnerMessageId: Number(message.id), learnerQuestionId: String(question.body.id), ...catalog, learnerEnrolmentId: String(enrolment.body.id) },
    session: (caller) => sessions.get(caller)!,
    freshSession: signIn,
    unique,
    async importsSettled() {
      for (let i = 0; i < 400; i++) {
        const applying = await db.select({ id: peopleImports.id }).from(peopleImports).where(eq(peopleImports.status, 'applying')).limit(1);
        if (applying.length === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('cast: a people import kept applying for 10 s');
    },
    async previewedImport() {
      const id = unique();
      const csv = `employee_id,name,email,manager_employee_id\nIMP-${id},Imported ${id},imported.${id}@example.org,${people.learner.employeeId}\n`;
      const res = await sessions.get('admin')!.clone().post('/api/v1/people-imports', { fileName: `hr-${id}.csv`, csv });
      if (res.status !== 201) throw new Error(`cast: preview failed: ${res.status} ${res.text}`);
      return String(res.body.id);
    },
    async resetToken() {
      const token = `reset-${unique()}-${unique()}-${unique()}`;
      await db.insert(passwordResets).values({ tokenHash: hashToken(token), personId: resetSubject.id, expiresAt: new Date(stride.clock.now().getTime() + 3600_000) });
      return token;
    },
    close: () => stride.close(),
  };
}
