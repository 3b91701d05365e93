/**
 * Reads every feature of one collection, page by page along `next` links, converted to WGS84:
 * from CRS84 when it was asked for (or `Content-Crs` says so), otherwise from the CRS the config
 * declares. A server whose `next` links go round in a loop, or never end, stops with a clear
 * failure rather than spinning the wall.
 */
import { type CrsId, fromWgs84 } from '../../domain/crs';
import { type Result, failure, success } from '../contract';
import { type GeoJsonFeatureRecord, type GeoJsonRejection, GeoJsonError, parseGeoJson } from '../../domain/parseGeoJson';
import { CRS84_URI, type LinkResolver, type OgcCollectionPlan, findLink, isCrs84 } from './discoverOgcCollections';
import type { OgcGet } from './createOgcGet';

export interface OgcItemsQuery {
  bbox?: readonly [number, number, number, number];
  from?: string;
  to?: string;
}

export interface OgcItems {
  features: GeoJsonFeatureRecord[];
  rejected: GeoJsonRejection[];
  pages: number;
  /** What the server said it matched, when every page agreed on it: a sanity signal, not a count to trust. */
  numberMatched: number | undefined;
  /** The server's clock from the last page's `timeStamp`, when it sent one. */
  timeStamp: string | undefined;
  /** The server's clock when it answered the first page: what a later "changed since" asks from. */
  firstTimeStamp: string | undefined;
}

export interface ReadOgcItemsOptions {
  sourceId: string;
  get: OgcGet;
  resolve: LinkResolver;
  limit: number;
  maxPages: number;
  /** The datum when the server does not say. */
  defaultCrs: CrsId;
}

/** The datum the features of this collection are expected in, before any answer says otherwise. */
const expectedCrs = (plan: OgcCollectionPlan, defaultCrs: CrsId): CrsId => plan.fixedCrs ?? (plan.requestCrs84 ? 'wgs84' : defaultCrs);

function firstUrl(plan: OgcCollectionPlan, query: OgcItemsQuery, options: ReadOgcItemsOptions): string {
  const url = new URL(plan.itemsUrl);
  url.searchParams.set('limit', String(options.limit));
  if (plan.requestCrs84) url.searchParams.set('crs', CRS84_URI);
  if (query.bbox) {
    // The server filters in its own coordinates: a box for GCJ-02 data is moved into GCJ-02.
    const crs = expectedCrs(plan, options.defaultCrs);
    const [west, south] = fromWgs84([query.bbox[0], query.bbox[1]], crs);
    const [east, north] = fromWgs84([query.bbox[2], query.bbox[3]], crs);
    url.searchParams.set('bbox', [west, south, east, north].map((value) => String(Math.round(value * 1e7) / 1e7)).join(','));
  }
  if (query.from !== undefined || query.to !== undefined) url.searchParams.set('datetime', `${query.from ?? '..'}/${query.to ?? '..'}`);
  return url.href;
}

/** The CRS of one page's coordinates, or a failure when the server sent some Safe Border cannot convert. */
function pageCrs(plan: OgcCollectionPlan, contentCrs: string | null, defaultCrs: CrsId, what: string): Result<CrsId> {
  if (plan.fixedCrs !== undefined) return success(plan.fixedCrs);
  if (contentCrs === null) return success(plan.requestCrs84 ? 'wgs84' : defaultCrs);
  if (isCrs84(contentCrs)) return success('wgs84');
  return failure(
    'unsupported',
    `${what}: the server sent coordinates in ${contentCrs.slice(0, 120)} (Content-Crs); Safe Border reads CRS84 longitude/latitude: offer CRS84 for this collection, or declare its crs in the config`,
  );
}

export async function readOgcItems(plan: OgcCollectionPlan, query: OgcItemsQuery, options: ReadOgcItemsOptions): Promise<Result<OgcItems>> {
  const what = `${options.sourceId} collection ${plan.collection}`;
  const features: GeoJsonFeatureRecord[] = [];
  const rejected: GeoJsonRejection[] = [];
  const visited = new Set<string>();
  let numberMatched: number | undefined;
  let agreed = true;
  let timeStamp: string | undefined;
  let firstTimeStamp: string | undefined;
  let url: string | undefined = firstUrl(plan, query, options);
  let pages = 0;
  while (url !== undefined) {
    if (visited.has(url)) return failure('invalid', `${what}: the next link of page ${pages} leads back to a page already read (${url}); the server's paging loops`);
    if (pages >= options.maxPages) {
      return failure('invalid', `${what}: still more pages after ${options.maxPages} (maxPages) of ${options.limit} features; raise limit or maxPages if the collection is really this large`);
    }
    visited.add(url);
    const page = await options.get(url, `collection ${plan.collection} items`);
    if (!page.ok) return page;
    pages += 1;
    const body = page.value.body as { type?: unknown; numberMatched?: unknown; timeStamp?: unknown } | null;
    if (typeof body !== 'object' || body === null || body.type !== 'FeatureCollection') {
      return failure('invalid', `${what}: page ${pages} (${url}) is not a GeoJSON FeatureCollection`);
    }
    const crs = pageCrs(plan, page.value.contentCrs, options.defaultCrs, what);
    if (!crs.ok) return crs;
    let parsed;
    try {
      parsed = parseGeoJson(body, { crs: crs.value, sourceName: `${plan.collection} page ${pages}` });
    } catch (error) {
      return failure('invalid', `${what}: ${error instanceof GeoJsonError ? error.message : String(error)}`);
    }
    features.push(...parsed.features);
    rejected.push(...parsed.rejected);
    if (typeof body.numberMatched === 'number') {
      if (numberMatched !== undefined && numberMatched !== body.numberMatched) agreed = false;
      numberMatched = body.numberMatched;
    }
    if (typeof body.timeStamp === 'string' && !Number.isNaN(Date.parse(body.timeStamp))) {
      timeStamp = body.timeStamp;
      if (pages === 1) firstTimeStamp = body.timeStamp;
    }
    const next = findLink(body, 'next');
    if (next === undefined) url = undefined;
    else {
      const resolved = options.resolve(next.href, page.value.url);
      if (!resolved.ok) return resolved;
      url = resolved.value;
    }
  }
  return success({ features, rejected, pages, numberMatched: agreed ? numberMatched : undefined, timeStamp, firstTimeStamp });
}
