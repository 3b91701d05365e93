/**
 * Fetches a region pack from this server (`/regions/<id>.json`) and validates it. Packs are
 * deployment data: a bad one must say which field is wrong rather than draw a broken map.
 */
import { type RegionPack, RegionPackError, parseRegionPack } from '../domain/regionPack';

export async function loadRegionPack(regionId: string, fetchImpl: typeof fetch = fetch): Promise<RegionPack> {
  const url = `${import.meta.env.BASE_URL}regions/${encodeURIComponent(regionId)}.json`;
  const response = await fetchImpl(url, { cache: 'no-cache' });
  if (!response.ok) throw new RegionPackError(url, [`HTTP ${response.status} ${response.statusText}`.trim()]);
  // Servers with a single-page-app fallback answer a missing file with index.html and status 200.
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    throw new RegionPackError(url, ['not found: the server answered with an HTML page instead of the pack']);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new RegionPackError(url, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseRegionPack(json, url);
}
