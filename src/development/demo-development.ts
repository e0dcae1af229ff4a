import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { fixedClock, type Clock } from '../platform/clock';
import { recordAudit } from '../platform/audit/record-audit';
import { recordClockEvent } from '../service-levels/record-clock-event';
import { findCourseByCode } from '../catalog/sessions-for-enrolment';
import type { PartnerKind } from '../standards/standard-content';
import type { PartnerDecision, ProblemKind, ProjectSize } from './development-values';
import { startProject } from './start-project';
import { developmentProjects, problemReports, projectStages, stageComments, stagePartners } from './schema';

// Northwind's courseware in development (DV-1, DV-2) and problem reports after release (DV-4), as
// the demo tells it: three projects at different stages with partners from the business units
// who commented and signed off, and a few reports on the call-centre course. Written directly,
// after the standards (the design model in force gives the stages).

const DAY = 86_400_000;
type Partner = { who: string; kind: PartnerKind; decision?: PartnerDecision; note?: string; comment?: string };
type DemoProject = { title: string; size: ProjectSize; owner: string; course: string | null; daysAgo: number; closed: number; lateBy?: number; partners: Record<number, Partner[]> };

const projects: DemoProject[] = [
  {
    title: 'Outage calls: one escalation path',
    size: 'medium',
    owner: 'N0012',
    course: 'CC-101',
    daysAgo: 20,
    closed: 1,
    partners: {
      1: [
        { who: 'N0021', kind: 'customer-partner', decision: 'signed-off', comment: 'Sat with my team for a morning: the three escalation guides really do disagree. Notes attached to the task analysis.' },
        { who: 'N0022', kind: 'sme', decision: 'signed-off', comment: 'Step-by-step of a storm-night call checked against what the agents actually do.' },
      ],
      2: [{ who: 'N0021', kind: 'customer-partner', decision: 'changes-requested', note: 'Objective 2 should name the ticket field, not “the system”.', comment: 'The scenarios are real ones from last winter — good. One objective is still vague.' }],
    },
  },
  {
    title: 'Storm restoration briefing',
    size: 'small',
    owner: 'N0013',
    course: null,
    daysAgo: 4,
    closed: 0,
    partners: { 1: [{ who: 'N0040', kind: 'customer-partner', comment: 'Happy to host a site visit at the North depot next week.' }, { who: 'N0041', kind: 'sme' }] },
  },
  {
    title: 'Meter exchange safety refresh',
    size: 'large',
    owner: 'N0013',
    course: 'FO-120',
    daysAgo: 70,
    closed: 2,
    lateBy: 6,
    partners: {
      1: [
        { who: 'N0031', kind: 'sme', decision: 'signed-off', comment: 'Photos from the Elm Street job show the isolation step we skip when rushed.' },
        { who: 'N0030', kind: 'customer-partner', decision: 'signed-off' },
      ],
      2: [{ who: 'N0030', kind: 'customer-partner', decision: 'signed-off', note: 'Design agreed with the supervisors.' }],
      3: [{ who: 'N0031', kind: 'sme', comment: 'The lockout video is 4 minutes too long; the technicians will not watch it on site.' }],
    },
  },
];

type DemoReport = { kind: ProblemKind; reporter: string; daysAgo: number; description: string; answer?: string; answeredAfterHours?: number; fixed?: boolean };
const reports: DemoReport[] = [
  { kind: 'outdated-procedure', reporter: 'N0100', daysAgo: 12, description: 'Module 3, step 4 still says to transfer outage calls to the supervisor line, which closed in May.', answer: 'You are right: step 4 is out of date. We correct it this week; meanwhile transfer to the duty manager.', answeredAfterHours: 20, fixed: true },
  { kind: 'broken-link', reporter: 'N0022', daysAgo: 3, description: 'The link to the complaint form template in the participant guide opens an old intranet page.', answer: 'Thanks — the new template link goes into the guide with the next revision; it is on the intranet under Forms › Customer Care meanwhile.', answeredAfterHours: 6 },
  { kind: 'question', reporter: 'N0100', daysAgo: 1, description: 'Does the “own it on the first call” rule also apply to calls we take for the billing team after hours?' },
];

/** Seeds the demo's projects and problem reports once (nothing when its first project exists; other demos may start projects of their own). */
export async function seedDemoDevelopment(tx: DbOrTx, clock: Clock, idOf: ReadonlyMap<string, string>): Promise<void> {
  const [existing] = await tx.select({ n: count() }).from(developmentProjects).where(eq(developmentProjects.title, projects[0]!.title));
  if ((existing?.n ?? 0) > 0) return;
  const now = clock.now().getTime();
  for (const p of projects) {
    const ownerId = idOf.get(p.owner);
    if (!ownerId) continue;
    const course = p.course ? await findCourseByCode(tx, p.course) : undefined;
    const started = now - p.daysAgo * DAY;
    const id = await startProject(tx, fixedClock(new Date(started)), { title: p.title, size: p.size, ownerId, requestId: null, actorId: ownerId, courseId: course?.course.id ?? null });
    const stages = await tx.select().from(projectStages).where(eq(projectStages.projectId, id));
    for (const stage of stages.sort((a, b) => a.position - b.position)) {
      const at = (hours: number) => new Date(started + (stage.position - 1) * 5 * DAY + hours * 3_600_000);
      for (const [i, partner] of (p.partners[stage.position] ?? []).entries()) {
        const personId = idOf.get(partner.who);
        if (!personId) continue;
        await tx.insert(stagePartners).values({ projectId: id, stageId: stage.id, personId, kind: partner.kind, invitedBy: ownerId, invitedAt: at(1), decision: partner.decision ?? null, decisionNote: partner.note ?? '', decidedAt: partner.decision ? at(48 + i) : null });
        if (partner.comment) await tx.insert(stageComments).values({ projectId: id, stageId: stage.id, authorId: personId, body: partner.comment, createdAt: at(24 + i) });
        if (partner.decision) await tx.insert(stageComments).values({ projectId: id, stageId: stage.id, authorId: personId, body: `${partner.decision === 'signed-off' ? 'Signed off' : 'Asked for changes'}${partner.note ? `: ${partner.note}` : '.'}`, createdAt: at(48 + i) });
      }
      const state = stage.position <= p.closed ? 'closed' : stage.position === p.closed + 1 ? 'active' : 'pending';
      // The running stage is due a few days from now, unless the story says it is late; later stages follow it.
      const shift = p.lateBy ? -p.lateBy : 5;
      const dueOn = stage.position > p.closed ? new Date(now + (shift + (stage.position - p.closed - 1) * 7) * DAY).toISOString().slice(0, 10) : stage.dueOn;
      await tx
        .update(projectStages)
        .set({ state, dueOn, closedAt: state === 'closed' ? at(72) : null, closedBy: state === 'closed' ? ownerId : null })
        .where(and(eq(projectStages.id, stage.id), eq(projectStages.projectId, id)));
    }
  }
  const courseRow = await findCourseByCode(tx, 'CC-101');
  if (courseRow) {
    for (const r of reports) {
      const reporterId = idOf.get(r.reporter);
      if (!reporterId) continue;
      const created = new Date(now - r.daysAgo * DAY);
      const answeredAt = r.answer ? new Date(created.getTime() + (r.answeredAfterHours ?? 8) * 3_600_000) : null;
      const answeredBy = idOf.get('N0013') ?? null;
      const [row] = await tx
        .insert(problemReports)
        .values({
          courseId: courseRow.course.id,
          reporterId,
          kind: r.kind,
          description: r.description,
          state: r.fixed ? 'fixed' : r.answer ? 'answered' : 'received',
          ownerId: r.answer ? answeredBy : null,
          answer: r.answer ?? null,
          answeredBy: r.answer ? answeredBy : null,
          answeredAt,
          fixedRevision: r.fixed ? courseRow.course.revision : null,
          fixNote: r.fixed ? 'Step 4 now names the duty manager.' : null,
          fixedAt: r.fixed && answeredAt ? new Date(answeredAt.getTime() + 2 * DAY) : null,
          createdAt: created,
        })
        .returning({ id: problemReports.id });
      await recordClockEvent(tx, fixedClock(created), { type: 'problem-report.received', subject: { type: 'problem-report', id: row!.id }, at: created, attributes: { kind: r.kind } });
      if (answeredAt) await recordClockEvent(tx, fixedClock(answeredAt), { type: 'problem-report.answered', subject: { type: 'problem-report', id: row!.id }, at: answeredAt });
    }
  }
  await recordAudit(tx, { actorId: null, action: 'seed', entity: 'demo-development', entityId: 'northwind', after: { projects: projects.length, reports: reports.length } });
}
