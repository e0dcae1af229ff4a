import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError, type FieldError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { recordClockEvent } from '../service-levels/record-clock-event';
import { releaseCourse } from '../catalog/release-course';
import type { ProjectRow } from './project-access';
import { developmentProjects } from './schema';

/** What a release cannot do without, field by field, before anything is written. */
export function releaseGaps(p: Pick<ProjectRow, 'courseId' | 'newCourse' | 'objectives' | 'summary'>): FieldError[] {
  const gaps: FieldError[] = [];
  if (!p.courseId && !p.newCourse) gaps.push({ field: 'courseId', message: 'Say which course the release updates, or describe the new course, in the release plan.' });
  if (p.objectives.length === 0) gaps.push({ field: 'objectives', message: 'Give the course’s objectives in the release plan: the release publishes them.' });
  if (!p.courseId && p.newCourse && !p.summary) gaps.push({ field: 'summary', message: 'A new course needs its summary in the release plan.' });
  return gaps;
}

/**
 * Closing the last stage releases the project (DV-1): the catalog publishes the new course or
 * updates the existing one with the plan's summary and objectives, through its own function, as
 * a `released` revision; the project is delivered and `project.delivered` stops its development
 * clock (DV-3). In the caller's transaction: the stage, the course and the clock move together.
 */
export async function releaseProject(tx: DbOrTx, clock: Clock, project: ProjectRow, actorId: string): Promise<void> {
  const now = clock.now();
  const gaps = releaseGaps(project);
  if (gaps.length) throw new AppError('conflict', 'The release plan is not complete: the last stage closes when the release can be made.', { fields: gaps });
  const newCourse = !project.courseId && project.newCourse
    ? {
        code: project.newCourse.code,
        title: project.title,
        summary: project.summary,
        description: project.summary,
        audience: project.newCourse.audience,
        prerequisites: '',
        format: project.newCourse.format,
        durationMinutes: project.newCourse.durationMinutes,
        languages: ['en'],
        contactPersonId: project.ownerId,
        objectives: project.objectives.map((text) => ({ text })),
        interestIds: [],
        audienceBusinessUnitIds: [],
      }
    : null;
  const released = await releaseCourse(tx, now, { courseId: project.courseId, newCourse, summary: project.summary, objectives: project.objectives, actorId });
  await tx
    .update(developmentProjects)
    .set({ state: 'delivered', endedAt: now, courseId: released.courseId, releasedCourseId: released.courseId, releasedRevision: released.revision })
    .where(eq(developmentProjects.id, project.id));
  await recordClockEvent(tx, clock, { type: 'project.delivered', subject: { type: 'development-project', id: project.id }, at: now });
  await recordAudit(tx, { actorId, action: 'development_project.released', entity: 'development_project', entityId: project.id, before: { state: project.state }, after: { state: 'delivered', courseId: released.courseId, revision: released.revision } });
}
