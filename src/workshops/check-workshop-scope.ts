import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { FieldError } from '../platform/http/app-error';
import { businessUnits, people } from '../people/schema';

/**
 * Field errors for ids that name nothing: the business unit, the facilitator and participants must
 * exist, and the people be active (a workshop is held with people who work here now). Read-only
 * look-ups of the people tables, as the workshop's view does.
 */
export async function checkWorkshopScope(tx: DbOrTx, input: { businessUnitId: string | null; facilitatorId: string; participants?: readonly { personId: string }[] }): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  if (input.businessUnitId) {
    const [unit] = await tx.select({ id: businessUnits.id }).from(businessUnits).where(eq(businessUnits.id, input.businessUnitId));
    if (!unit) fields.push({ field: 'businessUnitId', message: 'No business unit has this id; choose one from the list.' });
  }
  const ids = [input.facilitatorId, ...(input.participants ?? []).map((p) => p.personId)];
  const active = new Set((await tx.select({ id: people.id }).from(people).where(and(inArray(people.id, ids), eq(people.active, true)))).map((p) => p.id));
  if (!active.has(input.facilitatorId)) fields.push({ field: 'facilitatorId', message: 'Choose someone who works here now to facilitate.' });
  const seen = new Set<string>();
  (input.participants ?? []).forEach((p, i) => {
    if (!active.has(p.personId)) fields.push({ field: `participants.${i}.personId`, message: 'Choose someone who works here now.' });
    else if (seen.has(p.personId)) fields.push({ field: `participants.${i}.personId`, message: 'This person is listed twice.' });
    seen.add(p.personId);
  });
  return fields;
}
