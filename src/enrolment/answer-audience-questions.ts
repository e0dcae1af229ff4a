import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { contextOf, writeEnrolment, type EnrolmentDeps } from './enrolment-context';
import type { EnrolmentView } from './enrolment-schemas';
import type { AudienceAnswersInput } from './audience-schemas';
import { enrolmentViews } from './enrolment-view';
import { isLive } from './enrolment-values';
import { lockEnrolmentToAct } from './lock-enrolment';
import { answersValues, assertAnswersComplete, updateAudience } from './audience-fit';

/**
 * The learner answers the audience questions (CA-4) after the fact — someone else put them down,
 * or they want to say more — and the fit is checked again. The answers are about their own
 * reasons, experience and level, so their supervisors do not give them (they give expectations);
 * the unit's coordinators may, on the learner's behalf (a phone call), and the answers say who
 * gave them. Until the session starts.
 */
export async function answerAudienceQuestions(deps: EnrolmentDeps, actor: Actor, id: string, input: AudienceAnswersInput): Promise<EnrolmentView> {
  const ctx = contextOf(deps, actor);
  return writeEnrolment(deps.db, async (tx) => {
    const { row, target, relation } = await lockEnrolmentToAct(tx, actor, id);
    if (!relation.self && !relation.staff) throw AppError.forbidden('Only the learner (or the training unit’s coordinators, on their behalf) answers these questions: they are about the learner’s own reasons, experience and level.');
    if (!target) throw new AppError('conflict', 'A self-paced course asks no questions.');
    if (!isLive(row.state)) throw new AppError('conflict', `This enrolment is ${row.state === 'declined' ? 'declined' : 'cancelled'}; there is nothing left to answer for.`);
    if (target.session.status === 'cancelled' || target.session.startsAt <= ctx.now) throw new AppError('conflict', 'This session has started or was cancelled; the questions are closed.');
    assertAnswersComplete(target.course, input, 'meetsPrerequisites');
    const values = answersValues(input, target.course, actor.id, ctx.now);
    await updateAudience(tx, ctx, target, row, values, 'answered');
    return (await enrolmentViews(tx, actor, [row], ctx.now))[0]!;
  });
}
