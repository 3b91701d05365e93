import { describe, expect, it } from 'vitest';
import { isoMs } from './isoMs';

describe('isoMs', () => {
  it('reads what Date.parse reads, for the shapes backends send and the odd ones', () => {
    const samples = [
      '2026-11-23T08:00:00Z',
      '2026-11-23T08:00:00.123Z',
      '2026-11-23T08:00:00.1Z',
      '2026-11-23T08:00:00.123456789Z',
      '2026-11-23T08:00:00+08:00',
      '2026-11-23T00:30:00-05:30',
      '1969-12-31T23:59:59Z',
      '0001-01-01T00:00:00Z',
      '2024-02-29T12:00:00Z',
      '2026-02-29T12:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-12-31T23:59:60Z',
      '2026-11-23T24:00:00Z',
      '2026-11-23T08:00Z',
      '2026-11-23T08:00:00+0800',
      '2026-11-23T08:00:00',
      '2026-11-23 08:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-23T08:00:00.Z',
      'not a time',
      '',
    ];
    for (const text of samples) expect([text, isoMs(text)]).toEqual([text, Date.parse(text)]);
  });

  it('agrees with Date.parse on instants across the years, written in UTC and in offsets', () => {
    // A fixed walk over year 1 to 9999 with odd strides, so every month, day, hour and offset comes up.
    const first = Date.UTC(1, 0, 1);
    const last = Date.UTC(9999, 11, 31);
    for (let i = 0; i < 20_000; i++) {
      const ms = first + Math.floor(((i * 7_919) % 20_000) / 20_000 * (last - first)) + i * 37;
      const utc = new Date(ms).toISOString();
      expect([utc, isoMs(utc)]).toEqual([utc, ms]);
      const offset = ((i * 131) % (28 * 60 + 1)) - 14 * 60;
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      const local = `${new Date(ms + offset * 60_000).toISOString().slice(0, 23)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
      expect([local, isoMs(local)]).toEqual([local, Date.parse(local)]);
    }
  });
});
