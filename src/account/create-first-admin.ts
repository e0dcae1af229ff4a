import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { emailSchema } from '../platform/http/common-schemas';
import { recordAudit } from '../platform/audit/record-audit';
import { hashPassword } from '../platform/auth/passwords';
import { findPersonByEmail } from '../people/find-people';
import { people, personRoles } from '../people/schema';
import { credentials } from './schema';
import { passwordSchema } from './account-schemas';

const input = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'A name is required.').max(200),
  password: passwordSchema,
  employeeId: z.string().trim().min(1).max(64).optional(),
});

/** The command-line way in for an empty Stride: creates or promotes an admin with a password. */
export async function createFirstAdmin(db: Db, raw: z.input<typeof input>) {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw AppError.invalid(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })), 'The admin cannot be created:');
  const { email, name, password, employeeId } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    let person = await findPersonByEmail(tx, email);
    let id = person?.id;
    if (!id) {
      const [row] = await tx.insert(people).values({ employeeId: employeeId ?? `ADMIN-${Date.now()}`, name, email }).returning({ id: people.id });
      id = row!.id;
    }
    await tx.insert(personRoles).values({ personId: id, role: 'admin' }).onConflictDoNothing();
    await tx.insert(credentials).values({ personId: id, passwordHash }).onConflictDoUpdate({ target: credentials.personId, set: { passwordHash, updatedAt: new Date() } });
    const [saved] = await tx.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, id));
    await recordAudit(tx, { actorId: null, action: person ? 'promote-admin' : 'create-admin', entity: 'person', entityId: id, after: { email, roles: ['admin'] } });
    person = undefined;
    return saved!;
  });
}
