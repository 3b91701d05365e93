import { describe, expect, it } from 'vitest';
import { shortGridName } from './describeGrid';

describe('shortGridName', () => {
  it('keeps what tells one grid from another at a glance: the number, not the towns on both sides', () => {
    expect(shortGridName('跨省网格03 · 球川镇—双明镇')).toBe('网格03');
    expect(shortGridName('Cross-province grid 03 · Qiuchuan–Shuangming')).toBe('Grid 03');
    expect(shortGridName('边界网格')).toBe('边界网格');
  });
});
