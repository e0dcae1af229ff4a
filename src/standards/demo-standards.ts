import { count } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { recordAudit } from '../platform/audit/record-audit';
import type { CheckResult, CheckSubjectType, StandardKind } from './standard-kinds';
import type { StandardContent } from './standard-content';
import { demoDeliveryMethodology, demoDesignModel, demoStyleGuideV1, demoStyleGuideV2 } from './demo-standards-content';
import { standardChecks, standardVersions } from './schema';

const DAY = 86_400_000;

/** The courses and sessions the demo's checks are recorded on, found by the demo loader. */
export type DemoCheckSubjects = { courses: Map<string, string>; lastPastSessionOf: Map<string, string> };

type DemoVersion = { kind: StandardKind; version: number; content: StandardContent; daysAgo: number | null; changeSummary: string };

// The unit lead published the three standards half a year ago; the style guide's second version
// (AA, captions) a month and a half ago; a second delivery methodology is still a draft.
const versions: DemoVersion[] = [
  { kind: 'design-model', version: 1, content: demoDesignModel, daysAgo: 200, changeSummary: 'First published design model.' },
  { kind: 'delivery-methodology', version: 1, content: demoDeliveryMethodology, daysAgo: 200, changeSummary: 'First published delivery methodology.' },
  {
    kind: 'delivery-methodology',
    version: 2,
    content: {
      ...demoDeliveryMethodology,
      checklist: [...demoDeliveryMethodology.checklist, { id: 'del-first-apply', text: 'Each learner named what they will apply first, before leaving.', appliesTo: ['session'] }],
    },
    daysAgo: null,
    changeSummary: 'Adds the closing question to the checklist.',
  },
  { kind: 'style-guide', version: 1, content: demoStyleGuideV1, daysAgo: 200, changeSummary: 'First published style guide.' },
  { kind: 'style-guide', version: 2, content: demoStyleGuideV2, daysAgo: 45, changeSummary: 'E-learning now meets WCAG 2.2 AA; every video has captions; cmi5 accepted, SCORM 1.2 retired.' },
];

type DemoCheck = { subject: CheckSubjectType; code: string; kind: StandardKind; version: number; daysAgo: number; results: [string, CheckResult, string?][] };

// Conformance in every state: a course that conforms, one with a gap, one checked against a
// version since replaced, a session that took place still being checked.
const checks: DemoCheck[] = [
  {
    subject: 'course', code: 'CC-201', kind: 'design-model', version: 1, daysAgo: 60,
    results: [['dm-task-analysis', 'passed'], ['dm-objectives', 'passed'], ['dm-partner-signoff', 'passed'], ['dm-pilot', 'passed']],
  },
  {
    subject: 'course', code: 'CC-201', kind: 'style-guide', version: 2, daysAgo: 30,
    results: [['sg-template', 'passed'], ['sg-plain-language', 'passed'], ['sg-accessibility', 'passed'], ['sg-captions', 'waived', 'A live virtual course: no recorded video. The call recordings played in class come from the QA system and cannot be captioned; the instructor reads the key lines aloud.']],
  },
  {
    subject: 'course', code: 'FO-101', kind: 'design-model', version: 1, daysAgo: 20,
    results: [['dm-task-analysis', 'passed'], ['dm-objectives', 'passed'], ['dm-partner-signoff', 'passed'], ['dm-pilot', 'failed', 'Piloted with the North crew only; the South crew’s equipment differs and was not covered.']],
  },
  {
    subject: 'course', code: 'SEC-101', kind: 'style-guide', version: 1, daysAgo: 120,
    results: [['sg-template', 'passed'], ['sg-plain-language', 'passed'], ['sg-accessibility', 'passed']],
  },
  {
    subject: 'session', code: 'CC-201', kind: 'delivery-methodology', version: 1, daysAgo: 1,
    results: [['del-audience', 'passed'], ['del-objectives', 'passed'], ['del-attendance', 'passed']],
  },
];

/** Seeds the standards once (does nothing when any exist), in the demo loader's transaction. */
export async function seedDemoStandards(tx: DbOrTx, clock: Clock, people: Map<string, string>, subjects: DemoCheckSubjects): Promise<void> {
  const [existing] = await tx.select({ n: count() }).from(standardVersions);
  if ((existing?.n ?? 0) > 0) return;
  const now = clock.now().getTime();
  const lead = people.get('N0010') ?? null;
  const coordinator = people.get('N0011') ?? null;
  const latest = new Map<StandardKind, number>();
  for (const v of versions) if (v.daysAgo !== null) latest.set(v.kind, Math.max(latest.get(v.kind) ?? 0, v.version));
  const ids = new Map<string, string>();
  for (const v of versions) {
    const at = new Date(now - (v.daysAgo ?? 3) * DAY);
    const status = v.daysAgo === null ? 'draft' : latest.get(v.kind) === v.version ? 'published' : 'superseded';
    const [row] = await tx
      .insert(standardVersions)
      .values({ kind: v.kind, version: v.version, status, content: v.content, changeSummary: v.changeSummary, createdBy: lead, createdAt: at, updatedAt: at, publishedBy: status === 'draft' ? null : lead, publishedAt: status === 'draft' ? null : at })
      .returning({ id: standardVersions.id });
    ids.set(`${v.kind}/${v.version}`, row!.id);
  }
  for (const c of checks) {
    const subjectId = c.subject === 'course' ? subjects.courses.get(c.code) : subjects.lastPastSessionOf.get(c.code);
    if (!subjectId) continue;
    const checkedAt = new Date(now - c.daysAgo * DAY);
    await tx.insert(standardChecks).values(
      c.results.map(([itemId, result, reason]) => ({ standardVersionId: ids.get(`${c.kind}/${c.version}`)!, subjectType: c.subject, subjectId, itemId, result, reason: reason ?? '', checkedBy: coordinator, checkedAt })),
    );
  }
  await recordAudit(tx, { actorId: null, action: 'seed', entity: 'demo-standards', entityId: 'northwind', after: { versions: versions.length, checks: checks.length } });
}
