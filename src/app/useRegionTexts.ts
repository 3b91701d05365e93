/**
 * Names and times as the HUD writes them, in the screen's language: the region's provinces,
 * counties and towns from its pack, clock times and dates for the panels.
 */
import { computed, type Ref } from 'vue';
import type { RegionPack } from '../domain/regionPack';

/** Where a province has no colour of its own (a pack still loading). */
const FALLBACK_PROVINCE_COLOR = '#8fb1d4';

export function useRegionTexts(region: Ref<RegionPack | null>, language: Ref<string>) {
  /** `zh`/`en` for the localized texts records and region packs carry. */
  const textKey = computed<'zh' | 'en'>(() => (language.value === 'en' ? 'en' : 'zh'));
  const timeFormat = computed(() => new Intl.DateTimeFormat(language.value, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }));
  const dateTimeFormat = computed(() => new Intl.DateTimeFormat(language.value, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }));
  return {
    textKey,
    regionName: computed(() => region.value?.name[textKey.value] ?? ''),
    provinceName: (id: string) => region.value?.provinces.find((p) => p.id === id)?.name[textKey.value] ?? id,
    provinceColor: (id: string | undefined) => region.value?.provinces.find((p) => p.id === id)?.color ?? FALLBACK_PROVINCE_COLOR,
    /** The region's provinces and towns as the duty desk's filters list them. */
    sides: computed(() => (region.value?.provinces ?? []).map((p) => ({ id: p.id, name: p.name[textKey.value] }))),
    towns: computed(() => (region.value?.towns ?? []).map((town) => ({ id: town.id, name: town.name[textKey.value] }))),
    timeOf: (ms: number) => timeFormat.value.format(ms),
    dateTimeOf: (ms: number) => dateTimeFormat.value.format(ms),
  };
}

export type RegionTexts = ReturnType<typeof useRegionTexts>;
