/**
 * Adapters registered by a type string and chosen by runtime configuration (TerriaJS's catalog
 * pattern): a deployment switches backend by editing config.json, not by rebuilding. A factory may
 * load its code lazily, so adapters a deployment does not use cost it nothing.
 */
import type { RegionPack } from '../domain/regionPack';
import type { SourceSettings } from '../domain/appConfig';
import { type DataSource, type Result, failure, success } from './contract';

export interface AdapterEnvironment {
  /** The region being shown: the in-browser simulator needs it. */
  region(): Promise<RegionPack>;
}

export type AdapterFactory<S extends SourceSettings = SourceSettings> = (settings: S, environment: AdapterEnvironment) => Promise<DataSource>;

const factories = new Map<string, AdapterFactory>();

export function registerAdapter<T extends SourceSettings['type']>(type: T, factory: AdapterFactory<Extract<SourceSettings, { type: T }>>): void {
  factories.set(type, factory as AdapterFactory);
}

export async function createDataSource(settings: SourceSettings, environment: AdapterEnvironment): Promise<Result<DataSource>> {
  const factory = factories.get(settings.type);
  if (!factory) return failure('unsupported', `${settings.id}: no adapter registered for type "${settings.type}"`);
  try {
    return success(await factory(settings, environment));
  } catch (error) {
    return failure('unsupported', `${settings.id}: the ${settings.type} adapter could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
