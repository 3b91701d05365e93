import { describe, expect, it } from 'vitest';
import { distance, point } from '@turf/turf';
import { type CrsId, fromWgs84, needsConversion, toWgs84 } from './crs';

const meters = (a: readonly number[], b: readonly number[]) =>
  distance(point([a[0]!, a[1]!]), point([b[0]!, b[1]!]), { units: 'meters' });

describe('CRS conversion', () => {
  // Published reference values (wandergis/coordtransform README, the same maths as every GCJ-02 library).
  it('matches the published WGS84 → GCJ-02 and GCJ-02 ↔ BD-09 reference values', () => {
    const gcj = fromWgs84([116.404, 39.915], 'gcj02');
    expect(gcj[0]).toBeCloseTo(116.41024449916938, 9);
    expect(gcj[1]).toBeCloseTo(39.91640428150164, 9);
    // BD-09 → WGS84 → GCJ-02 is the same as BD-09 → GCJ-02.
    const gcjFromBaidu = fromWgs84(toWgs84([116.404, 39.915], 'bd09'), 'gcj02');
    expect(gcjFromBaidu[0]).toBeCloseTo(116.39762729119315, 7);
    expect(gcjFromBaidu[1]).toBeCloseTo(39.90865673957631, 7);
  });

  it('moves GCJ-02 points along the Zhejiang–Jiangxi border by the expected 500–700 m', () => {
    // 球川镇 centre as published (GCJ-02).
    const qiuchuan = [118.359766, 28.830328] as const;
    const offset = meters(qiuchuan, toWgs84(qiuchuan, 'gcj02'));
    expect(offset).toBeGreaterThan(450);
    expect(offset).toBeLessThan(700);
  });

  it.each<CrsId>(['gcj02', 'bd09'])('round-trips %s ↔ WGS84 within 1 m across China', (crs) => {
    let worst = 0;
    for (let lon = 74; lon <= 134; lon += 3.7) {
      for (let lat = 18; lat <= 53; lat += 2.9) {
        const wgs: [number, number] = [lon, lat];
        const back = toWgs84(fromWgs84(wgs, crs), crs);
        worst = Math.max(worst, meters(wgs, back));
      }
    }
    expect(worst).toBeLessThan(1);
  });

  it('leaves points outside China unchanged', () => {
    for (const outside of [
      [139.6917, 35.6895], // Tokyo
      [-0.1276, 51.5072], // London
      [151.2093, -33.8688], // Sydney
      [-74.006, 40.7128], // New York
    ] as const) {
      expect(toWgs84(outside, 'gcj02')).toEqual(outside);
      expect(fromWgs84(outside, 'gcj02')).toEqual(outside);
    }
  });

  it('treats WGS84 and CGCS2000 as the same datum and keeps heights', () => {
    expect(toWgs84([118.3, 28.8, 120], 'cgcs2000')).toEqual([118.3, 28.8, 120]);
    expect(toWgs84([118.3, 28.8, 120], 'gcj02')[2]).toBe(120);
    expect(needsConversion('wgs84')).toBe(false);
    expect(needsConversion('cgcs2000')).toBe(false);
    expect(needsConversion('gcj02')).toBe(true);
    expect(needsConversion('bd09')).toBe(true);
  });

  it('passes non-finite input through untouched so validation can name it', () => {
    const bad = [Number.NaN, 28.8] as const;
    expect(toWgs84(bad, 'gcj02')).toBe(bad);
  });
});
