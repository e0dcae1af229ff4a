import { enrolmentEvents, enrolmentReminders, enrolments } from '../../src/enrolment/schema';
import type { EnrolmentEventType, EnrolmentState } from '../../src/enrolment/enrolment-values';
import { certificates } from '../../src/certificates/schema';
import { followUpAnswers, followUps } from '../../src/follow-up/schema';
import { FORM_OPEN_DAYS } from '../../src/follow-up/open-due-follow-ups';
import { REMINDER_DAYS } from '../../src/follow-up/remind-follow-ups';
import type { Database } from '../../src/platform/db/database';
import { bulkInsert } from '../lib/bulk-insert';
import { rngFor, type Rng } from '../lib/prng';
import type { Catalog, Course, Session } from './seed-catalog';
import type { Organization, Person } from './seed-organization';
import type { Sizes } from './sizes';

const DAY = 86_400_000;
const CHUNK = 20_000;
const CODE_ALPHABET = '2345679ACDEFGHJKMNPQRTUVWXYZ';

type EnrolmentRow = typeof enrolments.$inferInsert;
export type EnrolmentCounts = Record<EnrolmentState, number> & { certificates: number; followUps: number; answeredFollowUps: number; objectiveAnswers: number };

/**
 * A million enrolments in every state, kept to the enrolment capability's rules (decision 014):
 * positions 1..n per session in arrival order, never more confirmed than seats, a waitlist only
 * behind full seats, pending applications only where the session asks for approval and has not
 * started, completed / no-show only after the session ended. Each enrolment carries the event of
 * how it got to its state. What the after-the-event jobs would otherwise do at Stride's first
 * start is already done: every completion has its certificate, every completion whose follow-up
 * fell due has the learner's and the supervisor's forms (answered, or reminded twice), and every
 * confirmed seat in the next fortnight has had its reminders — so the benchmark measures pages,
 * not a catch-up of a year of mail.
 */
export async function seedEnrolments(database: Database, org: Organization, catalog: Catalog, sizes: Sizes, seed: number, now: Date, log: (line: string) => void): Promise<EnrolmentCounts> {
  const rng = rngFor(seed, 'enrolments');
  const counts: EnrolmentCounts = { pending_approval: 0, confirmed: 0, waitlisted: 0, declined: 0, cancelled: 0, completed: 0, no_show: 0, certificates: 0, followUps: 0, answeredFollowUps: 0, objectiveAnswers: 0 };
  const writer = new ChunkWriter(database, org, rng, now, sizes.followUpAnswers, counts);

  const eLearning = catalog.courses.filter((c) => c.format === 'e-learning' && c.published);
  const sessionTotal = eLearning.length > 0 ? Math.round(sizes.enrolments * 0.9) : sizes.enrolments;
  const perSession = spread(sessionTotal, catalog.sessions.length, org.people.length, rng);
  let done = 0;
  for (let i = 0; i < catalog.sessions.length; i++) {
    writer.session(catalog.sessions[i]!, perSession[i]!);
    if (writer.pending >= CHUNK) {
      done += await writer.flush();
      log(`  enrolments ${done.toLocaleString('en')} / ${sizes.enrolments.toLocaleString('en')}`);
    }
  }
  const selfPaced = sizes.enrolments - sessionTotal;
  for (let i = 0; i < selfPaced; i++) {
    writer.selfPaced(eLearning[i % eLearning.length]!);
    if (writer.pending >= CHUNK) {
      done += await writer.flush();
      log(`  enrolments ${done.toLocaleString('en')} / ${sizes.enrolments.toLocaleString('en')}`);
    }
  }
  done += await writer.flush();
  return counts;
}

/** `total` split over `slots`, each between 1 and `max`, unevenly but summing exactly. */
function spread(total: number, slots: number, max: number, rng: Rng): number[] {
  const base = Math.floor(total / slots);
  const out = Array.from({ length: slots }, (_, i) => base + (i < total % slots ? 1 : 0));
  for (let i = 0; i + 1 < slots; i += 2) {
    const k = rng.int(0, Math.floor(out[i]! / 2));
    if (out[i + 1]! + k <= max && out[i]! - k >= 1) {
      out[i]! -= k;
      out[i + 1]! += k;
    }
  }
  return out.map((n) => Math.min(n, max));
}

class ChunkWriter {
  enrolments: EnrolmentRow[] = [];
  events: (typeof enrolmentEvents.$inferInsert)[] = [];
  certificates: (typeof certificates.$inferInsert)[] = [];
  followUps: (typeof followUps.$inferInsert)[] = [];
  answers: (typeof followUpAnswers.$inferInsert)[] = [];
  reminders: (typeof enrolmentReminders.$inferInsert)[] = [];
  private readonly selfPacedLive = new Map<string, Set<number>>();
  private readonly peopleById: Map<string, Person>;

  constructor(
    private readonly database: Database,
    private readonly org: Organization,
    private readonly rng: Rng,
    private readonly now: Date,
    private readonly answersWanted: number,
    private readonly counts: EnrolmentCounts,
  ) {
    this.peopleById = new Map(org.people.map((p) => [p.id, p]));
  }

  get pending() {
    return this.enrolments.length;
  }

  session(session: Session, n: number) {
    const { rng, now } = this;
    const ended = session.endsAt.getTime() + 2 * 3600_000 < now.getTime();
    const started = session.startsAt <= now;
    const closes = Math.min(now.getTime() - 60_000, session.startsAt.getTime() - 2 * DAY);
    const applied = Array.from({ length: n }, () => closes - rng.next() * 60 * DAY).sort((a, b) => a - b);
    const taken = new Set<number>();
    let confirmed = 0;
    for (let position = 1; position <= n; position++) {
      let index = rng.int(0, this.org.people.length - 1);
      while (taken.has(index)) index = (index + 1) % this.org.people.length;
      taken.add(index);
      const person = this.org.people[index]!;
      const appliedAt = new Date(applied[position - 1]!);
      const r = rng.next();
      const asks = session.approvalMode !== 'none';
      let state: EnrolmentState;
      if (r < 0.05) state = 'cancelled';
      else if (asks && r < 0.09) state = 'declined';
      else if (asks && !started && r < 0.19) state = 'pending_approval';
      else if (confirmed < session.capacity) {
        confirmed++;
        state = ended && !session.cancelled ? (rng.chance(0.88) ? 'completed' : 'no_show') : 'confirmed';
      } else state = 'waitlisted';
      this.add({ person, session, course: session.course, state, position, appliedAt, asks });
    }
  }

  selfPaced(course: Course) {
    const live = this.selfPacedLive.get(course.id) ?? new Set<number>();
    this.selfPacedLive.set(course.id, live);
    let index = this.rng.int(0, this.org.people.length - 1);
    for (let tries = 0; live.has(index) && tries < this.org.people.length; tries++) index = (index + 1) % this.org.people.length;
    const r = this.rng.next();
    const state: EnrolmentState = live.has(index) || r < 0.05 ? 'cancelled' : r < 0.55 ? 'completed' : 'confirmed';
    if (state !== 'cancelled') live.add(index);
    const appliedAt = new Date(this.now.getTime() - this.rng.int(1, 700) * DAY);
    this.add({ person: this.org.people[index]!, session: null, course, state, position: null, appliedAt, asks: false });
  }

  private add(e: { person: Person; session: Session | null; course: Course; state: EnrolmentState; position: number | null; appliedAt: Date; asks: boolean }) {
    const { rng, now } = this;
    const id = rng.uuid();
    const manager = e.person.managerId;
    const origin = manager && rng.chance(0.05) ? 'supervisor' : rng.chance(0.02) ? 'coordinator' : 'self';
    const appliedBy = origin === 'supervisor' ? manager! : origin === 'coordinator' ? rng.pick(this.org.coordinators).id : e.person.id;
    const approvalBy = e.asks ? (e.session!.approvalMode === 'coordinator' || !manager ? 'coordinator' : 'supervisor') : null;
    const decider = approvalBy === 'supervisor' ? manager! : rng.pick(this.org.coordinators).id;
    const later = (from: Date, maxDays: number) => new Date(Math.min(now.getTime() - 60_000, from.getTime() + rng.next() * maxDays * DAY));
    const seated = e.state === 'confirmed' || e.state === 'completed' || e.state === 'no_show';
    const finishedAt = e.session ? new Date(e.session.endsAt.getTime() + 3600_000) : later(e.appliedAt, 60);
    const row: EnrolmentRow = {
      id,
      sessionId: e.session?.id ?? null,
      courseId: e.session ? null : e.course.id,
      personId: e.person.id,
      state: e.state,
      position: e.position,
      origin,
      appliedBy,
      appliedAt: e.appliedAt,
      approvalBy: e.state === 'pending_approval' || (approvalBy && (seated || e.state === 'declined' || e.state === 'waitlisted')) ? approvalBy : null,
      decidedBy: approvalBy && e.state !== 'pending_approval' && e.state !== 'cancelled' ? decider : null,
      decidedAt: approvalBy && e.state !== 'pending_approval' && e.state !== 'cancelled' ? later(e.appliedAt, 3) : null,
      confirmedAt: seated ? e.appliedAt : null,
      completedAt: e.state === 'completed' ? finishedAt : null,
      cancelledAt: e.state === 'cancelled' ? later(e.appliedAt, 10) : null,
      cancelledBy: e.state === 'cancelled' ? e.person.id : null,
      cancellationReason: e.state === 'cancelled' ? 'Other commitments.' : null,
      updatedAt: e.appliedAt,
    };
    if (row.decidedAt && e.state === 'declined') row.decisionNote = 'Not this quarter.';
    this.enrolments.push(row);
    this.counts[e.state]++;
    const [type, from, actor, at]: [EnrolmentEventType, EnrolmentState | null, string | null, Date] =
      e.state === 'declined' ? ['declined', 'pending_approval', row.decidedBy!, row.decidedAt!]
      : e.state === 'cancelled' ? ['cancelled', 'confirmed', e.person.id, row.cancelledAt!]
      : e.state === 'completed' ? ['completed', 'confirmed', this.org.coordinators[0]!.id, finishedAt]
      : e.state === 'no_show' ? ['no_show', 'confirmed', this.org.coordinators[0]!.id, finishedAt]
      : ['applied', null, appliedBy, e.appliedAt];
    this.events.push({ enrolmentId: id, type, fromState: from, toState: e.state, actorId: actor, at, details: {} });
    if (e.state === 'completed') this.afterTheEvent(row, e.person, e.course, finishedAt);
    if (e.state === 'confirmed' && e.session && !e.session.cancelled && e.session.startsAt.getTime() > now.getTime() && e.session.startsAt.getTime() < now.getTime() + 14 * DAY) {
      for (const offsetMinutes of [10080, 1440]) this.reminders.push({ enrolmentId: id, offsetMinutes, sessionStartsAt: e.session.startsAt, sentAt: now });
    }
  }

  private afterTheEvent(row: EnrolmentRow, person: Person, course: Course, completedAt: Date) {
    const { rng, now } = this;
    let code = '';
    for (let i = 0; i < 12; i++) code += CODE_ALPHABET[rng.int(0, CODE_ALPHABET.length - 1)];
    this.certificates.push({
      id: rng.uuid(), enrolmentId: row.id!, code, learnerName: person.name, courseCode: course.code, courseTitle: course.title,
      completedOn: completedAt.toISOString().slice(0, 10), durationMinutes: course.durationMinutes, objectives: course.objectives.map((o) => o.text),
      issuedAt: new Date(Math.min(now.getTime(), completedAt.getTime() + 600_000)),
    });
    this.counts.certificates++;
    const openedAt = new Date(completedAt.getTime() + 30 * DAY);
    if (openedAt > now) return;
    const respondents: ['learner' | 'supervisor', string][] = [['learner', person.id]];
    if (person.managerId && this.peopleById.has(person.managerId)) respondents.push(['supervisor', person.managerId]);
    const closesAt = new Date(openedAt.getTime() + FORM_OPEN_DAYS * DAY);
    for (const [role, respondentId] of respondents) {
      const id = rng.uuid();
      const answered = this.counts.answeredFollowUps < this.answersWanted && rng.chance(0.9);
      const answeredAt = answered ? new Date(Math.min(now.getTime() - 60_000, openedAt.getTime() + rng.next() * 10 * DAY)) : null;
      this.followUps.push({
        id, enrolmentId: row.id!, respondentRole: role, respondentId, tokenHash: rng.hex(64), openedAt, closesAt,
        // An unanswered form was reminded as often as it could have been (the reminder job's state).
        reminderCount: answered ? 0 : REMINDER_DAYS.length, lastRemindedAt: answered ? null : new Date(Math.min(now.getTime(), openedAt.getTime() + 14 * DAY)),
        answeredAt, recommend: answered ? rng.pick([10, 10, 9, 9, 9, 8, 8, 7, 7, 6, 5, 3]) : null, comment: answered && rng.chance(0.2) ? 'Useful; I use it every week.' : null,
      });
      this.counts.followUps++;
      if (!answered) continue;
      this.counts.answeredFollowUps++;
      // 'met' or 'partly' only: a 'not met' opens a support case in the same transaction (AF-5),
      // which this generator does not write.
      for (const objective of course.objectives) {
        this.answers.push({ followUpId: id, objectiveId: objective.id, rating: rng.chance(0.75) ? 'met' : 'partly' });
        this.counts.objectiveAnswers++;
      }
    }
  }

  async flush(): Promise<number> {
    const n = this.enrolments.length;
    await bulkInsert(this.database, enrolments, this.enrolments);
    await bulkInsert(this.database, enrolmentEvents, this.events);
    await bulkInsert(this.database, certificates, this.certificates);
    // Every completion written here comes with its certificate: none is left for the certificate
    // job, whose trigger (migration 0021) flagged each completed row as it went in.
    const issued = this.certificates.map((c) => c.enrolmentId);
    if (issued.length > 0) await this.database.execute('UPDATE enrolments SET certificate_due = false WHERE id = ANY($1::uuid[])', [issued]);
    await bulkInsert(this.database, followUps, this.followUps);
    await bulkInsert(this.database, followUpAnswers, this.answers);
    await bulkInsert(this.database, enrolmentReminders, this.reminders);
    this.enrolments = [];
    this.events = [];
    this.certificates = [];
    this.followUps = [];
    this.answers = [];
    this.reminders = [];
    return n;
  }
}
