import { describe, expect, it } from 'vitest';
import { RegionPackError, parseRegionPack } from './regionPack';

const square = (lon: number, lat: number) => [[[[lon, lat], [lon + 0.1, lat], [lon + 0.1, lat + 0.1], [lon, lat + 0.1], [lon, lat]]]];

function validPack() {
  return {
    schemaVersion: 1,
    id: 'test-border',
    name: { zh: '测试边界', en: 'Test border' },
    bounds: { west: 118, south: 28, east: 118.2, north: 28.1 },
    homeCamera: { target: [118.1, 28.05], headingDegrees: 0, pitchDegrees: -45, rangeMeters: 30_000 },
    provinces: [
      { id: 'zj', adcode: '330000', name: { zh: '浙江省', en: 'Zhejiang' }, color: '#2fb4ff' },
      { id: 'jx', adcode: '360000', name: { zh: '江西省', en: 'Jiangxi' }, color: '#ffb347' },
    ],
    counties: [
      { id: 'a', adcode: '330822', name: { zh: '甲县', en: 'A' }, provinceId: 'zj', role: 'focus', geometry: square(118.1, 28), labelPosition: [118.15, 28.05] },
      { id: 'b', adcode: '361123', name: { zh: '乙县', en: 'B' }, provinceId: 'jx', role: 'focus', geometry: square(118, 28), labelPosition: [118.05, 28.05] },
    ],
    towns: [{ id: 't1', name: { zh: '甲镇', en: 'T1' }, countyId: 'a', position: [118.12, 28.05], borderTown: true }],
    borderLines: [
      { id: 'a-b', name: { zh: '省界', en: 'Border' }, provinceIds: ['zj', 'jx'], countyIds: ['a', 'b'], coordinates: [[118.1, 28], [118.1, 28.1]], lengthMeters: 11_100 },
    ],
    crossProvinceGrids: [],
    labels: [{ id: 'l1', text: { zh: '甲县', en: 'A' }, position: [118.15, 28.05], kind: 'county' }],
    provenance: { source: 'test', license: 'MIT', sourceCrs: 'wgs84', notes: [] },
  };
}

function problemsOf(json: unknown): string[] {
  try {
    parseRegionPack(json, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(RegionPackError);
    return (error as RegionPackError).problems;
  }
  throw new Error('expected the pack to be rejected');
}

describe('parseRegionPack', () => {
  it('accepts a well-formed pack', () => {
    expect(parseRegionPack(validPack()).id).toBe('test-border');
  });

  it('names the exact coordinate that is out of range', () => {
    const pack = validPack();
    pack.counties[1]!.geometry[0]![0]![2]![1] = 95;
    expect(problemsOf(pack)).toContain('counties[1].geometry[0][0][2][1]: latitude must be between -90 and 90');
  });

  it('names a missing field and a wrong type', () => {
    const pack = validPack() as Record<string, unknown>;
    delete pack.homeCamera;
    pack.provinces = 'zj';
    const problems = problemsOf(pack);
    expect(problems.some((p) => p.startsWith('homeCamera:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('provinces:'))).toBe(true);
  });

  it('rejects an unclosed polygon ring and a bad colour', () => {
    const pack = validPack();
    pack.counties[0]!.geometry[0]![0]!.pop();
    pack.provinces[0]!.color = 'blue';
    const problems = problemsOf(pack);
    expect(problems).toContain('counties[0].geometry[0][0]: a polygon ring must end where it starts');
    expect(problems).toContain('provinces[0].color: a colour is written #rrggbb');
  });

  it('rejects references to things the pack does not have', () => {
    const pack = validPack();
    pack.towns[0]!.countyId = 'nowhere';
    pack.counties[0]!.provinceId = 'fj';
    const problems = problemsOf(pack);
    expect(problems).toContain('towns[0].countyId: unknown county "nowhere"');
    expect(problems).toContain('counties[0].provinceId: unknown province "fj"');
  });

  it('rejects duplicate ids and a home camera looking outside the bounds', () => {
    const pack = validPack();
    pack.counties[1]!.id = 'a';
    pack.homeCamera.target = [120, 30];
    const problems = problemsOf(pack);
    expect(problems).toContain('counties[1].id: duplicate id "a"');
    expect(problems).toContain('homeCamera.target: the home camera must look inside the bounds');
  });

  it('puts the source and every problem in the error message', () => {
    const pack = validPack();
    pack.bounds.west = 119;
    expect(() => parseRegionPack(pack, 'packs/test.json')).toThrow(/packs\/test\.json[\s\S]*bounds\.east: west must be less than east/);
  });
});
