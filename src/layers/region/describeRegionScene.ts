/**
 * Turns a region pack into "what to draw": slabs for counties, a glowing border, town markers and
 * labels. Pure data, no engine objects, so it is unit-tested in Node and any renderer (Cesium 3D
 * today, maplibre 2D later) draws the same thing.
 */
import type { LonLat, PolygonCoordinates } from '../../domain/geometrySchemas';
import type { RegionPack } from '../../domain/regionPack';
import { type RegionTheme, type ThemeColor, blendOver, darkRegionTheme } from './regionTheme';

type Language = 'zh' | 'en';

export interface SlabDescription {
  id: string;
  role: 'focus' | 'context';
  polygons: PolygonCoordinates[];
  topHeightMeters: number;
  fill: ThemeColor;
  wall: ThemeColor;
  edge: ThemeColor;
}

interface BorderDescription {
  id: string;
  positions: LonLat[];
  heightMeters: number;
  color: ThemeColor;
  widthPixels: number;
  curtainTopMeters: number;
}

export interface LabelDescription {
  id: string;
  text: string;
  position: LonLat;
  heightMeters: number;
  kind: 'province' | 'county' | 'town' | 'border' | 'grid';
  font: string;
  color: ThemeColor;
  /** Hidden when the camera is farther than this; undefined means always shown. */
  maxRangeMeters: number | undefined;
  /** Screen offset upwards, so a town's name sits above its marker instead of on it. */
  liftPixels: number;
}

interface TownMarkerDescription {
  id: string;
  position: LonLat;
  heightMeters: number;
  color: ThemeColor;
  outline: ThemeColor;
  sizePixels: number;
  outlinePixels: number;
}

export interface RegionSceneDescription {
  regionId: string;
  slabs: SlabDescription[];
  borders: BorderDescription[];
  labels: LabelDescription[];
  towns: TownMarkerDescription[];
  /** The halo drawn around every label (dark on the dark wall, white on the light theme). */
  labelOutline: ThemeColor;
}

export interface DescribeOptions {
  language?: Language;
  /** Multiplies every pixel size, so text keeps its apparent size on 4K and 8K walls. */
  pixelScale?: number;
  theme?: RegionTheme;
  /**
   * True when nothing but the globe's base colour lies under the region (the dark base map):
   * county tops are then pre-blended and drawn opaque. With imagery underneath they stay
   * translucent so the imagery shows through.
   */
  opaqueTops?: boolean;
}

export function describeRegionScene(pack: RegionPack, options: DescribeOptions = {}): RegionSceneDescription {
  const language = options.language ?? 'zh';
  const scale = options.pixelScale ?? 1;
  const theme = options.theme ?? darkRegionTheme;
  const provinceColor = new Map(pack.provinces.map((p) => [p.id, p.color]));
  const countyById = new Map(pack.counties.map((c) => [c.id, c]));
  const colorOf = (provinceId: string, alpha: number): ThemeColor => ({ css: provinceColor.get(provinceId) ?? '#ffffff', alpha });
  const top = (color: ThemeColor) => (options.opaqueTops ? blendOver(color, theme.globeBase) : color);
  const font = (style: { sizePixels: number; weight: number }) =>
    `${style.weight} ${Math.round(style.sizePixels * scale)}px ${theme.labels.fontFamily}`;

  const slabs: SlabDescription[] = pack.counties.map((county) =>
    county.role === 'focus'
      ? {
          id: county.id,
          role: 'focus',
          polygons: county.geometry,
          topHeightMeters: theme.focusTopHeightMeters,
          fill: top(colorOf(county.provinceId, theme.focusFillAlpha)),
          wall: colorOf(county.provinceId, theme.focusWallAlpha),
          edge: colorOf(county.provinceId, 1),
        }
      : {
          id: county.id,
          role: 'context',
          polygons: county.geometry,
          topHeightMeters: theme.contextTopHeightMeters,
          ...theme.context,
          fill: top(theme.context.fill),
        },
  );

  const borderHeight = theme.focusTopHeightMeters + theme.border.liftMeters;
  const borders: BorderDescription[] = pack.borderLines.map((line) => ({
    id: line.id,
    positions: line.coordinates,
    heightMeters: borderHeight,
    color: theme.border.color,
    widthPixels: theme.border.widthPixels * scale,
    curtainTopMeters: borderHeight + theme.border.curtainHeightMeters,
  }));

  const labelHeight = (kind: LabelDescription['kind']) =>
    kind === 'border' ? borderHeight + theme.border.curtainHeightMeters : theme.focusTopHeightMeters + 300;
  const labels: LabelDescription[] = pack.labels.map((label) => {
    const common = {
      id: label.id,
      text: label.text[language],
      position: label.position,
      kind: label.kind,
      heightMeters: labelHeight(label.kind),
      liftPixels: 0,
    };
    switch (label.kind) {
      case 'province':
        return {
          ...common,
          font: font(theme.labels.province),
          color: label.provinceId ? colorOf(label.provinceId, 1) : theme.labels.county.focusColor,
          maxRangeMeters: undefined,
        };
      case 'county': {
        const county = label.countyId === undefined ? undefined : countyById.get(label.countyId);
        const focus = county?.role === 'focus';
        return {
          ...common,
          heightMeters: focus ? theme.focusTopHeightMeters + 300 : theme.contextTopHeightMeters + 300,
          font: font(theme.labels.county),
          color: focus ? theme.labels.county.focusColor : theme.labels.county.contextColor,
          maxRangeMeters: undefined,
        };
      }
      case 'border':
        return { ...common, font: font(theme.labels.border), color: theme.border.color, maxRangeMeters: undefined };
      case 'town':
      case 'grid':
        return {
          ...common,
          font: font(theme.labels.town),
          color: theme.labels.town.color,
          maxRangeMeters: theme.labels.town.maxRangeMeters,
          liftPixels: Math.round((theme.town.sizePixels + 6) * scale),
        };
    }
  });

  const towns: TownMarkerDescription[] = pack.towns.map((town) => {
    const county = countyById.get(town.countyId);
    return {
      id: town.id,
      position: town.position,
      heightMeters: (county?.role === 'focus' ? theme.focusTopHeightMeters : theme.contextTopHeightMeters) + 20,
      color: theme.town.color,
      outline: colorOf(county?.provinceId ?? '', 1),
      sizePixels: theme.town.sizePixels * scale,
      outlinePixels: 3 * scale,
    };
  });

  return { regionId: pack.id, slabs, borders, labels, towns, labelOutline: theme.labelOutline };
}
