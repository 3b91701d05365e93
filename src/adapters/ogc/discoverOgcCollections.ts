/**
 * Finds what an OGC API – Features server offers, the way the standard says to: the landing
 * page, its conformance classes (core and GeoJSON are required), then its collections. Each
 * configured collection feeds one entity kind; a collection the config does not name but whose id
 * is a kind's name or plural (`stations`, `gridEvents`) is taken as that kind. A configured
 * collection the server lacks fails alone: the others still load.
 */
import type { FeatureMapping, OgcFeaturesSourceSettings } from '../../domain/appConfig';
import type { CrsId } from '../../domain/crs';
import { ENTITY_KINDS, type EntityKind } from '../../domain/entities/entityKinds';
import { type Result, failure, success } from '../contract';
import type { OgcGet } from './createOgcGet';

export const CRS84_URI = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const EPSG_4326_URI = 'http://www.opengis.net/def/crs/EPSG/0/4326';

const CONFORMANCE = {
  core: /^https?:\/\/www\.opengis\.net\/spec\/ogcapi-features-1\/1\.\d+\/conf\/core$/,
  geojson: /^https?:\/\/www\.opengis\.net\/spec\/ogcapi-features-1\/1\.\d+\/conf\/geojson$/,
  crs: /^https?:\/\/www\.opengis\.net\/spec\/ogcapi-features-2\/1\.\d+\/conf\/crs$/,
};

/** Whether a CRS identifier (URI, URN or short form) names CRS84: longitude first, WGS84 degrees. */
export function isCrs84(crs: string): boolean {
  return /^(https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84|urn:ogc:def:crs:OGC:1\.3:CRS84|(OGC:)?CRS84)$/i.test(crs.trim());
}

const offersWgs84 = (crs: string) => isCrs84(crs) || crs === EPSG_4326_URI || /^(urn:ogc:def:crs:)?EPSG:{1,2}4326$/i.test(crs);

/** One collection to read: where its items are and how its features become records. */
export interface OgcCollectionPlan {
  collection: string;
  kind: EntityKind;
  mapping: FeatureMapping;
  itemsUrl: string;
  /** Ask for `crs=CRS84` (the server does Part 2 and offers it). */
  requestCrs84: boolean;
  /** The datum the config gives this collection's data, whatever the server says. */
  fixedCrs: CrsId | undefined;
}

interface OgcCollectionFailure {
  collection: string;
  kind: EntityKind;
  reason: string;
}

export interface OgcDiscovery {
  plans: OgcCollectionPlan[];
  failures: OgcCollectionFailure[];
  /** Every collection id the server offers, for messages. */
  offered: string[];
}

interface Link {
  href: string;
  rel: string;
  type?: string;
}

function linksOf(body: unknown): Link[] {
  const links = typeof body === 'object' && body !== null ? (body as { links?: unknown }).links : undefined;
  if (!Array.isArray(links)) return [];
  return links.filter((l): l is Link => typeof l === 'object' && l !== null && typeof (l as Link).href === 'string' && typeof (l as Link).rel === 'string');
}

/**
 * The link of a relation (plain or as an OGC URI). Servers list one per format: GeoJSON first,
 * then plain JSON, then an untyped link; never HTML, XML or JSON-FG (GeoServer offers that too,
 * and its `geometry` may be null where `place` holds the shape).
 */
export function findLink(body: unknown, rel: string): Link | undefined {
  const matching = linksOf(body).filter((l) => l.rel === rel || l.rel === `http://www.opengis.net/def/rel/ogc/1.0/${rel}`);
  const ofType = (test: (type: string | undefined) => boolean) => matching.find((l) => test(l.type?.split(';')[0]?.trim().toLowerCase()));
  return ofType((type) => type === 'application/geo+json') ?? ofType((type) => type === 'application/json') ?? ofType((type) => type === undefined);
}

/**
 * Turns a link from the server into a URL the page may fetch. A server behind a reverse proxy
 * often writes links with its own internal address (GeoServer without a proxy base URL): links
 * under the address its landing page calls itself are moved under the configured path.
 */
export type LinkResolver = (href: string, base: string) => Result<string>;

export function createLinkResolver(sourceId: string, root: string): { resolve: LinkResolver; learnSelf(href: string | undefined): void } {
  const rootUrl = new URL(root);
  let serverRoot: string | undefined;
  return {
    learnSelf(href) {
      if (href === undefined) return;
      try {
        const self = new URL(href, root);
        self.search = '';
        serverRoot = self.href.replace(/\/+$/, '');
      } catch {
        serverRoot = undefined;
      }
    },
    resolve(href, base) {
      let url: URL;
      try {
        url = new URL(href, base);
      } catch {
        return failure('invalid', `${sourceId}: the server sent a link that is not a URL: ${JSON.stringify(href.slice(0, 200))}`);
      }
      if (url.origin === rootUrl.origin) return success(url.href);
      if (serverRoot !== undefined && url.href.startsWith(serverRoot)) return success(`${root.replace(/\/+$/, '')}${url.href.slice(serverRoot.length)}`);
      return failure(
        'invalid',
        `${sourceId}: the server links to ${url.origin}, outside this page's origin; set the server's public URL (GeoServer: Proxy Base URL) to the proxy path ${rootUrl.pathname}`,
      );
    },
  };
}

const kindOfCollectionId = (id: string): EntityKind | undefined => ENTITY_KINDS.find((kind) => id === kind || id === `${kind}s`);

interface ServerCollection {
  id: string;
  crs: string[];
  body: unknown;
}

function readCollections(body: unknown): ServerCollection[] | undefined {
  const list = typeof body === 'object' && body !== null ? (body as { collections?: unknown }).collections : undefined;
  if (!Array.isArray(list)) return undefined;
  const globalCrs = (body as { crs?: unknown }).crs;
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  return list
    .filter((c): c is { id: string; crs?: unknown } => typeof c === 'object' && c !== null && typeof (c as { id?: unknown }).id === 'string')
    .map((c) => ({
      id: c.id,
      // Part 2 lets a collection say "the list on /collections" with `#/crs`.
      crs: strings(c.crs).flatMap((crs) => (crs === '#/crs' ? strings(globalCrs) : [crs])),
      body: c,
    }));
}

export async function discoverOgcCollections(
  get: OgcGet,
  settings: OgcFeaturesSourceSettings,
  root: string,
  links: ReturnType<typeof createLinkResolver>,
): Promise<Result<OgcDiscovery>> {
  const landing = await get(root, 'landing page');
  if (!landing.ok) return landing;
  links.learnSelf(findLink(landing.value.body, 'self')?.href);
  const follow = (rel: string, fallback: string) => {
    const link = findLink(landing.value.body, rel);
    return link ? links.resolve(link.href, landing.value.url) : success(new URL(fallback, `${root.replace(/\/+$/, '')}/`).href);
  };

  const conformanceUrl = follow('conformance', 'conformance');
  if (!conformanceUrl.ok) return conformanceUrl;
  const conformance = await get(conformanceUrl.value, 'conformance');
  if (!conformance.ok) return conformance;
  const classes = (conformance.value.body as { conformsTo?: unknown } | null)?.conformsTo;
  const conformsTo = Array.isArray(classes) ? classes.filter((c): c is string => typeof c === 'string') : [];
  const missing = (['core', 'geojson'] as const).filter((name) => !conformsTo.some((c) => CONFORMANCE[name].test(c)));
  if (missing.length > 0) {
    return failure(
      'unsupported',
      `${settings.id}: ${root} is not an OGC API – Features server Safe Border can read: its /conformance lacks the ${missing.join(' and ')} conformance class${missing.length > 1 ? 'es' : ''} (ogcapi-features-1/1.0/conf/${missing.join(', conf/')})`,
    );
  }
  const part2 = conformsTo.some((c) => CONFORMANCE.crs.test(c));

  const collectionsUrl = follow('data', 'collections');
  if (!collectionsUrl.ok) return collectionsUrl;
  const collections = await get(collectionsUrl.value, 'collections');
  if (!collections.ok) return collections;
  const offeredCollections = readCollections(collections.value.body);
  if (!offeredCollections) return failure('invalid', `${settings.id} collections ${collectionsUrl.value}: the answer has no "collections" array`);
  const offered = offeredCollections.map((c) => c.id);

  const plans: OgcCollectionPlan[] = [];
  const failures: OgcCollectionFailure[] = [];
  const plan = (server: ServerCollection, kind: EntityKind, mapping: Omit<FeatureMapping, 'id' | 'kind'>, fixedCrs: CrsId | undefined) => {
    const itemsLink = findLink(server.body, 'items');
    const itemsUrl = itemsLink
      ? links.resolve(itemsLink.href, collections.value.url)
      : success(`${collectionsUrl.value.replace(/\/+$/, '')}/${encodeURIComponent(server.id)}/items`);
    if (!itemsUrl.ok) return failures.push({ collection: server.id, kind, reason: itemsUrl.error.reason });
    plans.push({
      collection: server.id,
      kind,
      mapping: { id: settings.id, kind, ...mapping },
      itemsUrl: itemsUrl.value,
      requestCrs84: fixedCrs === undefined && part2 && server.crs.some(offersWgs84),
      fixedCrs,
    });
  };
  const configured = new Set(settings.collections.map((c) => c.collection));
  for (const wanted of settings.collections) {
    const server = offeredCollections.find((c) => c.id === wanted.collection);
    if (server) plan(server, wanted.kind, wanted, wanted.crs);
    else {
      const list = offered.length > 0 ? offered.slice(0, 20).join(', ') : 'none';
      failures.push({ collection: wanted.collection, kind: wanted.kind, reason: `${settings.id}: collection ${JSON.stringify(wanted.collection)} is not on the server (it offers: ${list})` });
    }
  }
  for (const server of offeredCollections) {
    const kind = kindOfCollectionId(server.id);
    if (kind && !configured.has(server.id)) plan(server, kind, { fields: {}, constants: {}, valueMaps: {} }, undefined);
  }
  return success({ plans, failures, offered });
}
