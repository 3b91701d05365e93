import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { RegionPackError, type RegionPack } from '../domain/regionPack';
import { useRegionStore } from './regionStore';

describe('useRegionStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('holds the pack once it has loaded', async () => {
    const store = useRegionStore();
    const pack = { id: 'changshan-yushan' } as RegionPack;
    await store.load('changshan-yushan', async () => pack);
    expect(store.status).toBe('ready');
    expect(store.pack).toBe(pack);
    expect(store.error).toBeNull();
  });

  it('keeps the reason when a pack cannot be loaded', async () => {
    const store = useRegionStore();
    await store.load('nowhere', async () => {
      throw new RegionPackError('/regions/nowhere.json', ['HTTP 404 Not Found']);
    });
    expect(store.status).toBe('error');
    expect(store.pack).toBeNull();
    expect(store.error).toMatch(/nowhere\.json is invalid:\n {2}HTTP 404 Not Found/);
  });
});
