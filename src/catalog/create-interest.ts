import { eq, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { CreateInterestInput, InterestView } from './course-schemas';
import { isUniqueViolation } from './unique-violation';
import { interests } from './schema';

/** "Leadership & coaching" → "leadership-coaching": the key a filter or a link quotes. */
export function interestKey(name: string): string {
  const key = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return key || 'interest';
}

const taken = (name: string) => new AppError('conflict', `There is already an interest called ${name}.`, { fields: [{ field: 'name', message: 'There is already an interest with this name.' }] });

/** Adds an interest to the list, inside the caller's transaction. */
export async function insertInterest(tx: DbOrTx, now: Date, actorId: string | null, input: CreateInterestInput): Promise<InterestView> {
  const key = interestKey(input.name);
  const [existing] = await tx.select({ id: interests.id }).from(interests).where(or(eq(interests.key, key), eq(sql`lower(${interests.name})`, input.name.toLowerCase())));
  if (existing) throw taken(input.name);
  const [row] = await tx.insert(interests).values({ key, name: input.name, description: input.description, createdAt: now }).returning();
  const interest = { id: row!.id, key: row!.key, name: row!.name, description: row!.description };
  await recordAudit(tx, { actorId, action: 'interest.created', entity: 'interest', entityId: interest.id, after: { key, name: input.name } });
  return interest;
}

export async function createInterest(db: Db, clock: Clock, actor: Actor, input: CreateInterestInput): Promise<InterestView> {
  try {
    return await db.transaction((tx) => insertInterest(tx, clock.now(), actor.id, input));
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.name);
    throw error;
  }
}
