/**
 * Towns ranked by open items (open alerts, open grid events, open assistance requests that
 * name the town), so the busiest side of the border reads first.
 */
import { type Alert, isAlertOpen } from '../../domain/entities/alert';
import type { AssistRequest } from '../../domain/entities/assistRequest';
import type { GridEvent } from '../../domain/entities/gridEvent';
import type { RegionPack } from '../../domain/regionPack';

export interface TownRank {
  id: string;
  name: string;
  provinceId: string | undefined;
  open: number;
}

export function describeTownRanking(
  pack: Pick<RegionPack, 'towns' | 'counties'>,
  items: { alerts: Iterable<Alert>; events: Iterable<GridEvent>; assists: Iterable<AssistRequest> },
  language: 'zh' | 'en',
  limit = 8,
): TownRank[] {
  const open = new Map<string, number>();
  const count = (town: string | undefined) => {
    if (town) open.set(town, (open.get(town) ?? 0) + 1);
  };
  for (const alert of items.alerts) if (isAlertOpen(alert.status)) count(alert.town);
  for (const event of items.events) if (event.stage !== 'closed') count(event.town);
  for (const request of items.assists) if (request.status === 'open' || request.status === 'responded') count(request.town);
  const provinceOfCounty = new Map(pack.counties.map((county) => [county.id, county.provinceId]));
  return pack.towns
    .map((town) => ({ id: town.id, name: town.name[language], provinceId: provinceOfCounty.get(town.countyId), open: open.get(town.id) ?? 0 }))
    .sort((a, b) => b.open - a.open || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, limit);
}
