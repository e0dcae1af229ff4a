import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { findPersonById } from '../people/find-people';
import { partnerKindLabels, type PartnerKind } from '../standards/standard-content';
import type { ProjectDetailView } from './development-schemas';
import { findManagedProject } from './project-access';
import { findStage } from './find-stage';
import { projectDetailOf } from './read-project';
import { stagePartners } from './schema';
import { isUniqueViolation } from '../catalog/unique-violation';

/**
 * Invites a subject-matter expert or a customer-partner — anyone in Stride, such as a person of
 * the business unit served — to review one stage (DV-2). The invitation is what lets them open
 * the project; they hear of it by mail with the link.
 */
export async function invitePartner(db: Db, clock: Clock, publicUrl: string, actor: Actor, id: string, stageId: string, input: { personId: string; kind: PartnerKind }): Promise<ProjectDetailView> {
  const now = clock.now();
  try {
    return await db.transaction(async (tx) => {
      const project = await findManagedProject(tx, actor, id);
      const stage = await findStage(tx, id, stageId);
      if (stage.state === 'closed') throw new AppError('conflict', `The ${stage.name} stage is closed; invite partners to a stage still to be reviewed.`);
      const person = await findPersonById(tx, input.personId);
      if (!person?.active) throw AppError.invalid([{ field: 'personId', message: 'Choose an active person to invite.' }]);
      const [row] = await tx.insert(stagePartners).values({ projectId: id, stageId, personId: input.personId, kind: input.kind, invitedBy: actor.id, invitedAt: now }).returning({ id: stagePartners.id });
      await recordAudit(tx, { actorId: actor.id, action: 'stage_partner.invited', entity: 'stage_partner', entityId: row!.id, after: { stageId, personId: input.personId, kind: input.kind } });
      await enqueueMail(tx, {
        to: { email: person.email, name: person.name },
        subject: `You are invited to review “${project.title}” — ${stage.name}`,
        body: `Hello ${person.name},\n\nWe are developing “${project.title}” with the people who will live with it, and we would value you as its ${partnerKindLabels[input.kind].toLowerCase()} for the ${stage.name} stage.\n\nWhat this stage is for:\n${stage.purpose}\n\nIts deliverables: ${stage.deliverables.join(', ') || 'none listed'}.\n\nOpen the project to read them, comment, attach what you saw on site, and sign off or ask for changes.`,
        links: [{ label: 'Open the project', url: `${publicUrl}/development/${id}` }],
        idempotencyKey: `development-project:${id}:stage:${stageId}:invite:${input.personId}`,
      });
      return projectDetailOf(tx, actor, project, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'This person is already invited to this stage.', { fields: [{ field: 'personId', message: 'Already invited to this stage.' }] });
    throw error;
  }
}
