import type { Db, Tx } from '../../db';
import { DISCOVERY_SETTINGS_KEY, parseStoredDiscoverySettings, type DiscoverySettings } from '../../discovery/discovery-settings';

export async function loadDiscoverySettings(client: Db | Tx): Promise<DiscoverySettings> {
  const row = await client.setting.findUnique({ where: { key: DISCOVERY_SETTINGS_KEY } });
  return parseStoredDiscoverySettings(row?.value);
}
