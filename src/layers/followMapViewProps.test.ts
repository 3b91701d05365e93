import { describe, expect, it } from 'vitest';
import type { LayerId } from '../domain/layerIds';
import type { RegionPack } from '../domain/regionPack';
import { type FollowedProps, type HostedMapView, followMapViewProps } from './followMapViewProps';
import type { LiveRecords } from './live/liveLayerSet';

const regionA = { id: 'a' } as RegionPack;
const regionB = { id: 'b' } as RegionPack;
const live = { id: 'live' } as unknown as LiveRecords;
const past = { id: 'past' } as unknown as LiveRecords;

function fakeView() {
  const calls: string[] = [];
  let drawn: RegionPack | null = null;
  let mounted = false;
  const view: HostedMapView = {
    drawnRegion: () => drawn,
    hasLiveLayers: () => mounted,
    drawRegion: (pack) => {
      calls.push(`draw ${pack.id}`);
      drawn = pack;
      mounted = true;
    },
    mountLive: (pack) => {
      calls.push(`mount ${pack.id}`);
      mounted = true;
    },
    hide: () => {
      calls.push('hide');
      mounted = false;
    },
    show: () => void calls.push('show'),
    showLayers: (layers) => void calls.push(`layers ${[...layers].join(',')}`),
  };
  return { view, calls };
}

const props = (overrides: Partial<FollowedProps> = {}): FollowedProps => ({ entities: live, active: true, region: regionA, pixelScale: 1, language: 'zh', visibleLayers: ['alerts'] as LayerId[], ...overrides });

describe('followMapViewProps', () => {
  it('only records the first props (the view draws what it mounts with)', () => {
    const { view, calls } = fakeView();
    followMapViewProps(view)(props());
    expect(calls).toEqual([]);
  });

  it('draws a new region, and redraws the drawn one at a new scale or in another language', () => {
    const { view, calls } = fakeView();
    const follow = followMapViewProps(view);
    follow(props({ region: null }));
    follow(props());
    follow(props({ pixelScale: 2 }));
    follow(props({ pixelScale: 2, language: 'en' }));
    follow(props({ pixelScale: 2, language: 'en', region: regionB }));
    expect(calls).toEqual(['draw a', 'draw a', 'draw a', 'draw b']);
  });

  it('takes the live layers down when hidden, and back up from the store as it is when shown', () => {
    const { view, calls } = fakeView();
    const follow = followMapViewProps(view);
    follow(props({ region: null }));
    follow(props());
    follow(props({ active: false }));
    follow(props({ active: false, entities: past }));
    follow(props({ entities: past }));
    expect(calls).toEqual(['draw a', 'hide', 'show', 'mount a']);
  });

  it('rebuilds the live layers from the store playback swaps in, at once when on screen', () => {
    const { view, calls } = fakeView();
    const follow = followMapViewProps(view);
    follow(props({ region: null }));
    follow(props());
    follow(props({ entities: past }));
    follow(props({ entities: live, pixelScale: 3 }));
    expect(calls).toEqual(['draw a', 'mount a', 'draw a', 'mount a']);
  });

  it('applies the legend’s toggles whether or not the view is on screen', () => {
    const { view, calls } = fakeView();
    const follow = followMapViewProps(view);
    follow(props({ active: false }));
    follow(props({ active: false, visibleLayers: ['alerts', 'grids'] }));
    expect(calls).toEqual(['layers alerts,grids']);
  });
});
