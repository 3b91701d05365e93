import { describe, expect, it } from 'vitest';
import type { GridEvent } from '../../domain/entities/gridEvent';
import type { Station } from '../../domain/entities/station';
import { describeGridEvent } from './describeGridEvent';
import { createHandoffReceiver } from './handoffReceiver';
import type { LiveContext } from './liveContext';

const base = { version: 1, updatedAt: '2026-11-23T10:00:00Z', county: '330822', source: 't' };
const stations: Station[] = [
  { ...base, id: 'zj-ws', province: 'zj', position: [118.304, 28.83], stationKind: 'border-workstation', name: '球川边界警务融治工作站', officersOnDuty: 5 },
  { ...base, id: 'zj-ps', province: 'zj', position: [118.357, 28.84], stationKind: 'police-station', name: '球川派出所', officersOnDuty: 30 },
  { ...base, id: 'jx-ws', province: 'jx', position: [118.281, 28.849], stationKind: 'border-workstation', name: '双明边界警务融治工作站', officersOnDuty: 5 },
  { ...base, id: 'jx-ps', province: 'jx', position: [118.3, 28.84], stationKind: 'police-station', name: '双明派出所', officersOnDuty: 19 },
  { ...base, id: 'jx-far', province: 'jx', position: [118.24, 28.69], stationKind: 'border-workstation', name: '远处工作站', officersOnDuty: 5 },
];
const context = (language: 'zh' | 'en' = 'zh'): LiveContext => ({
  now: Date.parse('2026-11-23T10:10:00Z'),
  language,
  pixelScale: 1,
  provinceColor: () => '#ffffff',
  station: (id) => stations.find((s) => s.id === id),
  firstSeen: () => undefined,
  openEventsInGrid: () => 0,
});
const receiver = createHandoffReceiver(() => stations);
const handedOver: GridEvent = {
  ...base,
  id: 'e',
  province: 'zj',
  position: [118.31, 28.845],
  title: '西村矛盾纠纷',
  category: 'dispute',
  subcategory: 'dispute.1',
  gridId: 'grid-03',
  reporter: { name: 'x', role: 'grid-worker' },
  stage: 'handle',
  stages: [
    { stage: 'discover', at: '2026-11-23T08:00:00Z', side: 'zj' },
    { stage: 'analyze', at: '2026-11-23T08:20:00Z', side: 'zj' },
    { stage: 'command', at: '2026-11-23T08:50:00Z', side: 'jx' },
    { stage: 'handle', at: '2026-11-23T09:30:00Z', side: 'jx' },
  ],
  handoffs: [{ at: '2026-11-23T08:50:00Z', fromSide: 'zj', toSide: 'jx', note: '属地处置，跨省交办' }],
  dueAt: '2026-11-23T12:00:00Z',
};

describe('grid events handed across the border', () => {
  it('draw an arc from the event to the receiving side’s nearest border workstation, named at its top', () => {
    const parts = describeGridEvent(handedOver, context(), receiver);
    const line = parts.line!;
    expect(line.style).toBe('flow');
    expect(line.positions[0]!.slice(0, 2)).toEqual([118.31, 28.845]);
    expect(line.positions[line.positions.length - 1]!.slice(0, 2)).toEqual([118.281, 28.849]);
    expect(parts.label!.text).toBe('跨省交办 → 双明边界警务融治工作站');
    expect(describeGridEvent(handedOver, context('en'), receiver).label!.text).toBe('Handed over → 双明边界警务融治工作站');
    expect(parts.icon).toBeDefined();
  });

  it('fall back to the side’s police station where it has no workstation', () => {
    const policeOnly = createHandoffReceiver(() => stations.filter((s) => s.stationKind === 'police-station'));
    expect(policeOnly('jx', handedOver.position)!.id).toBe('jx-ps');
    expect(policeOnly('other', handedOver.position)).toBeUndefined();
  });

  it('draw no arc once closed, nor for an event kept on its own side', () => {
    const closed: GridEvent = { ...handedOver, stage: 'closed', stages: [...handedOver.stages, { stage: 'closed', at: '2026-11-23T10:00:00Z', side: 'jx' }] };
    expect(describeGridEvent(closed, context(), receiver).line).toBeUndefined();
    expect(describeGridEvent({ ...handedOver, handoffs: [] }, context(), receiver).line).toBeUndefined();
    expect(describeGridEvent({ ...handedOver, handoffs: [] }, context(), receiver).label).toBeUndefined();
  });
});
