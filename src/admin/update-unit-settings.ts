import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import { recordAudit } from '../platform/audit/record-audit';
import { getUnitSettings, saveUnitSettings } from '../platform/settings/unit-settings';
import type { UnitSettings } from '../platform/settings/settings-schemas';

export async function updateUnitSettings(db: Db, actor: Actor, settings: UnitSettings): Promise<UnitSettings> {
  return db.transaction(async (tx) => {
    const before = await getUnitSettings(tx);
    await saveUnitSettings(tx, settings);
    await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'unit-settings', entityId: '1', before, after: settings });
    return settings;
  });
}
