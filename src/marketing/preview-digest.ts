import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { listInterests } from '../catalog/list-interests';
import { composeDigest } from './compose-digest';
import { digestWindow } from './digest-schedule';
import { loadDigestSource } from './digest-offerings';
import { sessionWhen } from './digest-message';
import { findSubscribers } from './digest-people';
import { enrolledCourseIds } from './enrolment-facts';
import type { DigestPreviewQuery, DigestPreviewView } from './marketing-schemas';
import { chosenInterestIds } from './read-preferences';
import { digestSubscriptions } from './schema';

/**
 * What the caller's next digest would hold if it went out now (CA-6): for the choice they saved, or
 * for the one they are making on the page (`frequency`, `interests`). Built by the same function
 * the job uses, so the preview and the message agree.
 */
export async function previewDigest(db: DbOrTx, clock: Clock, personId: string, query: DigestPreviewQuery): Promise<DigestPreviewView> {
  const now = clock.now();
  const [saved] = await db.select().from(digestSubscriptions).where(eq(digestSubscriptions.personId, personId));
  const frequency = query.frequency ?? saved?.frequency ?? 'monthly';
  const known = new Set((await listInterests(db)).map((i) => i.id));
  const interestIds = (query.interests ?? (saved ? await chosenInterestIds(db, personId) : [])).filter((id) => known.has(id));
  const window = digestWindow(frequency, saved?.lastDigestAt ?? null, now);
  const source = await loadDigestSource(db, window, now);
  const person = (await findSubscribers(db, [personId])).get(personId);
  const enrolled = await enrolledCourseIds(db, [personId]);
  const digest = composeDigest(source.offerings, source.freeSeats, {
    interestIds: new Set(interestIds),
    businessUnitId: person?.businessUnitId ?? null,
    enrolledCourseIds: enrolled.get(personId) ?? new Set(),
  }, window);
  return {
    frequency,
    interestIds,
    newSince: window.newSince.toISOString(),
    upcomingUntil: window.upcomingUntil.toISOString(),
    newCourses: digest.newCourses.map((c) => ({
      id: c.id, code: c.code, title: c.title, summary: c.summary, format: c.format, durationMinutes: c.durationMinutes, publishedAt: c.publishedAt.toISOString(),
    })),
    upcomingSessions: digest.upcomingSessions.map((s) => ({
      id: s.id,
      course: { id: s.course.id, code: s.course.code, title: s.course.title },
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      timeZone: s.timeZone,
      when: sessionWhen(s),
      language: s.language,
      place: s.place,
      online: s.online,
      seatsLeft: s.seatsLeft,
      enrolmentDeadline: s.enrolmentDeadline.toISOString(),
    })),
    moreNewCourses: digest.moreNewCourses,
    moreUpcomingSessions: digest.moreUpcomingSessions,
  };
}
