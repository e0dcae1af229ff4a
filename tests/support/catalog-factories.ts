import { randomBytes } from 'node:crypto';

// Request bodies for the catalog's API (CA-1, CA-2): readable, valid, unique where they must be.

export type CourseBody = Record<string, unknown> & { code: string; objectives: { id?: string; text: string }[] };

/** A valid new course; `code` is unique unless given. */
export function courseBody(contactPersonId: string, overrides: Record<string, unknown> = {}): CourseBody {
  return {
    code: `T-${randomBytes(3).toString('hex').toUpperCase()}`,
    title: 'Handling Customer Complaints',
    summary: 'Turn an unhappy customer into a resolved case, by phone and in writing.',
    description: 'A practical day on listening, acknowledging and resolving what went wrong for the customer.',
    audience: 'Customer service agents who answer calls and e-mails.',
    prerequisites: 'Three months on the phones.',
    format: 'classroom',
    durationMinutes: 420,
    languages: ['en'],
    contactPersonId,
    objectives: [
      { text: 'Given a customer complaint, restate the problem in the customer’s own words within the first minute.' },
      { text: 'Write a reply that states what happens next and by when, in under 150 words.' },
    ],
    ...overrides,
  } as CourseBody;
}

/** A valid classroom session a week after `now`, 09:00–17:00 in New York. */
export function sessionBody(now: Date, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const day = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  return {
    startsAt: `${day}T09:00`,
    endsAt: `${day}T17:00`,
    timeZone: 'America/New_York',
    place: 'Training room 2, 100 Harbor Street, Boston',
    capacity: 12,
    approvalMode: 'supervisor',
    ...overrides,
  };
}

type Client = { post(url: string, body?: unknown): Promise<{ status: number; text: string; body: any }> };

/** A published course, filed under an interest, with one scheduled session: written by a catalog editor through the API. */
export async function castCourse(editor: Client, contactPersonId: string, now: Date): Promise<{ courseId: string; courseSessionId: string; interestId: string }> {
  const interest = await editor.post('/api/v1/interests', { name: 'Customer service' });
  if (interest.status !== 201) throw new Error(`catalog: cannot add an interest: ${interest.status} ${interest.text}`);
  const course = await editor.post('/api/v1/courses', courseBody(contactPersonId, { interestIds: [interest.body.id] }));
  if (course.status !== 201) throw new Error(`catalog: cannot create a course: ${course.status} ${course.text}`);
  const published = await editor.post(`/api/v1/courses/${course.body.id}/publish`, { revision: 1 });
  if (published.status !== 200) throw new Error(`catalog: cannot publish a course: ${published.status} ${published.text}`);
  const session = await editor.post(`/api/v1/courses/${course.body.id}/sessions`, sessionBody(now));
  if (session.status !== 201) throw new Error(`catalog: cannot schedule a session: ${session.status} ${session.text}`);
  return { courseId: String(course.body.id), courseSessionId: String(session.body.id), interestId: String(interest.body.id) };
}
