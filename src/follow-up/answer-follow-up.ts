import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError, type FieldError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { openSupportCase } from '../support/open-support-case';
import type { FollowUpAnswerInput, FollowUpAnsweredView } from './follow-up-schemas';
import { findFollowUp, formView, type FollowUpLocator } from './follow-up-form';
import { followUpAnswers, followUps } from './schema';

/**
 * AF-4: the respondent's answers, once, while the form is open: every objective of the course
 * exactly once, the recommendation, an optional comment. In one transaction with the answers, an
 * objective reported not met opens (or joins) the enrolment's support case for the coordinator
 * (AF-5). The row is locked first, so a double click or two tabs answer once (409 for the second).
 */
export async function answerFollowUp(deps: { db: Db; clock: Clock }, at: FollowUpLocator, input: FollowUpAnswerInput): Promise<FollowUpAnsweredView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await findFollowUp(tx, at, true);
    if (row.answeredAt) throw new AppError('conflict', 'This follow-up was already answered. Each form is answered once; thank you for yours.');
    if (row.closesAt <= now) throw new AppError('conflict', 'This follow-up has closed: forms take answers for three weeks. If you still want to tell us something, contact the training unit.');
    const view = await formView(tx, row, now);
    const known = new Set(view.objectives.map((o) => o.id));
    const fields: FieldError[] = [];
    const seen = new Set<string>();
    input.answers.forEach((a, i) => {
      if (!known.has(a.objectiveId)) fields.push({ field: `answers.${i}.objectiveId`, message: 'This is not one of the course’s objectives.' });
      else if (seen.has(a.objectiveId)) fields.push({ field: `answers.${i}.objectiveId`, message: 'This objective is answered twice.' });
      seen.add(a.objectiveId);
    });
    const missing = view.objectives.filter((o) => !seen.has(o.id));
    if (missing.length) fields.push({ field: 'answers', message: `Answer every objective: ${missing.length === 1 ? 'one is' : `${missing.length} are`} still open (${missing.map((o) => `“${o.text}”`).join(', ')}).` });
    if (fields.length) throw AppError.invalid(fields, 'The follow-up was not sent:');

    const [answered] = await tx
      .update(followUps)
      .set({ answeredAt: now, recommend: input.recommend, comment: input.comment || null })
      .where(and(eq(followUps.id, row.id), isNull(followUps.answeredAt)))
      .returning({ id: followUps.id });
    if (!answered) throw new AppError('conflict', 'This follow-up was already answered.');
    if (input.answers.length) {
      await tx.insert(followUpAnswers).values(input.answers.map((a) => ({ followUpId: row.id, objectiveId: a.objectiveId, rating: a.rating, example: a.example || null })));
    }
    const notMet = input.answers.filter((a) => a.rating === 'not_met').map((a) => a.objectiveId);
    if (notMet.length) {
      // Opened by Stride, not by the respondent: the learner reading the case must not learn which
      // objectives the supervisor rated not met (the ratings are the respondent's to share).
      await openSupportCase(tx, { enrolmentId: row.enrolmentId, objectiveIds: notMet, origin: 'follow_up', followUpId: row.id, actorId: null, now });
    }
    // Who answered and what they said stay out of the audit trail's details: the answers may be
    // anonymous to the instructor, and their place is the follow-up's own tables.
    await recordAudit(tx, { actorId: row.respondentId, action: 'follow_up.answered', entity: 'follow_up', entityId: row.id, after: { notMet: notMet.length } });
    return { id: row.id, answeredAt: now.toISOString(), notMetCount: notMet.length };
  });
}
