import type { ChannelEventKind, ChannelSeverity } from '../../validations/api/notification-channel-schemas';

const rank: Record<ChannelSeverity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export interface ChannelRoute {
  kinds: readonly string[];
  minSeverity: string;
  environments: readonly string[];
  teams: readonly string[];
}

/** Whether a channel's routing takes this alert: its kind, at least its severity, and the database's environment and owner team. */
export function matchChannelRoute(route: ChannelRoute, alert: { kind: ChannelEventKind; severity: ChannelSeverity; environment: string | null; ownerTeam: string | null }): boolean {
  if (!route.kinds.includes(alert.kind)) return false;
  if (rank[alert.severity] < (rank[route.minSeverity as ChannelSeverity] ?? 0)) return false;
  if (route.environments.length && !(alert.environment && route.environments.includes(alert.environment))) return false;
  if (route.teams.length && !(alert.ownerTeam && route.teams.includes(alert.ownerTeam))) return false;
  return true;
}
