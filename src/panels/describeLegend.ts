/**
 * The legend's entries: one area a province (naming its county where it has one focus county:
 * 浙江省 常山县; where a province has several, the provinces alone and the counties on the map),
 * the context counties, the border, then each live layer with its count (stations and checkpoints
 * with what each icon's glyph stands for).
 */
import type { LayerId } from '../domain/layerIds';
import { LAYER_LABELS } from '../domain/layerIds';
import type { RegionPack } from '../domain/regionPack';
import type { LegendEntry } from './MapLegend.vue';
import { liveTheme } from '../layers/live/liveTheme';
import type { StationKind } from '../domain/entities/station';
import { DETAIL_WORDS } from './details/detailWords';

/** The glyph on each station kind's icon with the kind's name, for a layer's entry: a visitor reads "P" as "police station" there. */
function glyphKeys(layer: string, language: 'zh' | 'en'): NonNullable<LegendEntry['glyphs']> | undefined {
  // In Chinese each glyph is the first character of the kind's own name (派, 警, 卡): it keys itself,
  // and the footer keeps its room on a 1280-pixel screen.
  if (language === 'zh' || (layer !== 'stations' && layer !== 'checkpoints')) return undefined;
  const glyphs = liveTheme.stationGlyphs[language];
  return (Object.keys(glyphs) as StationKind[])
    .filter((kind) => (kind === 'checkpoint') === (layer === 'checkpoints'))
    .map((kind) => ({ glyph: glyphs[kind], label: DETAIL_WORDS[language].stationKinds[kind] }));
}

export interface LegendStyle {
  contextColor: string;
  borderColor: string;
  contextLabel: string;
  borderLabel: string;
}

export function describeLegend(pack: RegionPack | null, layers: readonly LegendEntry[], language: 'zh' | 'en', style: LegendStyle): LegendEntry[] {
  if (!pack) return [];
  const focusOf = (provinceId: string) => pack.counties.filter((county) => county.role === 'focus' && county.provinceId === provinceId);
  const namesCounties = pack.provinces.every((province) => focusOf(province.id).length <= 1);
  return [
    ...pack.provinces.flatMap((province): LegendEntry[] => {
      const focus = focusOf(province.id);
      if (focus.length === 0) return [];
      const only = namesCounties ? focus[0]! : undefined;
      return [
        {
          id: only ? only.id : `province-${province.id}`,
          label: only ? `${province.name[language]} ${only.name[language]}` : province.name[language],
          color: province.color,
          kind: 'area',
        },
      ];
    }),
    { id: 'context', label: style.contextLabel, color: style.contextColor, kind: 'area' },
    { id: 'border', label: style.borderLabel, color: style.borderColor, kind: 'line' },
    ...layers.map((entry) => {
      const glyphs = glyphKeys(entry.id, language);
      return { ...entry, label: LAYER_LABELS[entry.id as LayerId][language], ...(glyphs ? { glyphs } : {}) };
    }),
  ];
}
