import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database';
import { unitSettings } from './schema';
import type { UnitSettings } from './settings-schemas';

export const placeholderSettings: UnitSettings = {
  organizationName: 'Your organization',
  unitName: 'Training unit',
  contactEmail: 'training@example.org',
  contactPhone: '—',
  location: '—',
  officeHours: 'Monday to Friday, 9:00–17:00',
  timeZone: 'UTC',
};

export async function getUnitSettings(db: DbOrTx): Promise<UnitSettings> {
  const [row] = await db.select().from(unitSettings).where(eq(unitSettings.id, 1));
  if (!row) return placeholderSettings;
  const { id: _id, updatedAt: _u, ...settings } = row;
  return settings;
}

export async function saveUnitSettings(db: DbOrTx, settings: UnitSettings): Promise<void> {
  await db
    .insert(unitSettings)
    .values({ id: 1, ...settings })
    .onConflictDoUpdate({ target: unitSettings.id, set: { ...settings, updatedAt: new Date() } });
}
