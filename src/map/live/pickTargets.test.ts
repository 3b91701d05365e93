import { describe, expect, it } from 'vitest';
import { registerPickLayer, resolvePick } from './pickTargets';

describe('resolvePick', () => {
  const points = {};
  const labels = {};
  const gridFills = {};
  const clusters = {};
  registerPickLayer(points, 'alerts');
  registerPickLayer(labels, 'stations');
  registerPickLayer(gridFills, 'grids');
  registerPickLayer(clusters, 'clusters');

  it('names the layer from the collection a mark was picked from, and keeps the record id as it is', () => {
    expect(resolvePick({ id: 'alert:zj:0042', collection: points, primitive: {} })).toEqual({ layer: 'alerts', id: 'alert:zj:0042' });
    expect(resolvePick({ id: 'station-7', collection: labels, primitive: {} })).toEqual({ layer: 'stations', id: 'station-7' });
  });

  it('names the layer from the primitive when there is no collection (batched grid polygons)', () => {
    expect(resolvePick({ id: 'grid-03', primitive: gridFills })).toEqual({ layer: 'grids', id: 'grid-03' });
  });

  it('gives nothing for the region, for clusters, for hidden marks with no id, and for empty picks', () => {
    expect(resolvePick({ id: 'county:330822:0', primitive: {} })).toBeNull();
    expect(resolvePick({ id: 'cluster-12', collection: clusters })).toBeNull();
    expect(resolvePick({ id: undefined, collection: points })).toBeNull();
    expect(resolvePick(undefined)).toBeNull();
    expect(resolvePick('alerts:x')).toBeNull();
  });
});
