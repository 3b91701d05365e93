import { describe, expect, it } from 'vitest';
import type { Station } from '../../domain/entities/station';
import { createStationPlaces } from './stationPlaces';

const station = (id: string, position: [number, number], officersOnDuty = 10): Station => ({
  id,
  version: 1,
  updatedAt: '2026-11-23T10:00:00Z',
  province: 'zj',
  county: '330822',
  position,
  source: 't',
  stationKind: 'police-station',
  name: id,
  officersOnDuty,
});

describe('station places', () => {
  it('tells a station that moved, came or went from one whose officers changed', () => {
    const held = new Map([['a', station('a', [118.3, 28.8])], ['b', station('b', [118.4, 28.9])]]);
    const places = createStationPlaces((id) => held.get(id));
    places.seed(held.values());
    held.set('a', station('a', [118.3, 28.8], 14));
    expect(places.moved({ added: [], updated: ['a'], removed: [] })).toBe(false);
    held.set('a', station('a', [118.31, 28.8], 14));
    expect(places.moved({ added: [], updated: ['a'], removed: [] })).toBe(true);
    expect(places.moved({ added: [], updated: ['a'], removed: [] })).toBe(false);
    held.set('c', station('c', [118.2, 28.7]));
    expect(places.moved({ added: ['c'], updated: [], removed: [] })).toBe(true);
    held.delete('b');
    expect(places.moved({ added: [], updated: [], removed: ['b'] })).toBe(true);
  });
});
