/**
 * The region being shown. The pack is large, immutable plain data, so it sits in a shallowRef:
 * deep reactivity over thousands of coordinates would cost memory and buy nothing.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { RegionPack } from '../domain/regionPack';
import { loadRegionPack } from '../regions/loadRegionPack';
import { describeError } from '../domain/describeError';

export type RegionStatus = 'idle' | 'loading' | 'ready' | 'error';

export const useRegionStore = defineStore('region', () => {
  const status = ref<RegionStatus>('idle');
  const pack = shallowRef<RegionPack | null>(null);
  const error = ref<string | null>(null);

  async function load(regionId: string, loader = loadRegionPack): Promise<void> {
    status.value = 'loading';
    error.value = null;
    try {
      pack.value = await loader(regionId);
      status.value = 'ready';
    } catch (caught) {
      error.value = caught instanceof Error ? caught.message : describeError(caught);
      status.value = 'error';
    }
  }

  return { status, pack, error, load };
});
