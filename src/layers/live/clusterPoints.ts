/**
 * At far zoom, thousands of alerts and events become clusters with a count (supercluster, the
 * library behind mapbox's clustering), so a wide view stays readable. The cluster index is
 * rebuilt only when the data changes, and queried only when the camera moves.
 */
import Supercluster from 'supercluster';
import type { Position3 } from './graphics';

export interface ClusterInput {
  id: string;
  lon: number;
  lat: number;
}

export interface ClusterMark {
  id: string;
  position: Position3;
  count: number;
}

/** Above this camera height, markers give way to clusters. */
export const CLUSTER_ABOVE_METERS = 150_000;

/** A web-map zoom level for a camera height, the scale supercluster thinks in. */
export function zoomForHeight(heightMeters: number): number {
  return Math.max(0, Math.min(20, Math.log2(35_000_000 / Math.max(1, heightMeters))));
}

/** The camera height a web-map zoom level stands for: the inverse of zoomForHeight. */
export function heightForZoom(zoom: number): number {
  return 35_000_000 / 2 ** zoom;
}

export class PointClusters {
  private index: Supercluster | undefined;

  constructor(private readonly radiusPixels = 60) {}

  load(points: readonly ClusterInput[]): void {
    this.index = new Supercluster({ radius: this.radiusPixels, maxZoom: 12, minPoints: 3 });
    this.index.load(points.map((p) => ({ type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })));
  }

  /** Clusters (and points left on their own) in a box at a camera height. */
  marks(bounds: readonly [number, number, number, number], heightMeters: number, altitudeMeters: number): ClusterMark[] {
    if (!this.index) return [];
    return this.index.getClusters([...bounds] as [number, number, number, number], Math.floor(zoomForHeight(heightMeters))).map((feature) => {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const properties = feature.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; id?: string };
      return {
        id: properties.cluster ? `cluster-${properties.cluster_id}` : `single-${properties.id}`,
        position: [lon, lat, altitudeMeters],
        count: properties.cluster ? properties.point_count! : 1,
      };
    });
  }
}
