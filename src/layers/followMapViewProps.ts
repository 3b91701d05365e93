/**
 * What either map view does when what the app hands it changes, whatever engine draws it: a new
 * region is drawn; a new pixel scale or language redraws the region and restyles the layers;
 * hidden, the live layers come down (a duty laptop on the 2D view pays nothing for the globe's);
 * shown again, they are drawn from the store as it is then; playback swaps the store, so the
 * layers are rebuilt from it; the layers shown follow the legend's toggles in either view.
 */
import type { LayerId } from '../domain/layerIds';
import type { RegionPack } from '../domain/regionPack';
import type { MapViewProps } from './mapView';

/** An engine's view, as the props drive it. */
export interface HostedMapView {
  /** The region drawn last (null until the first is). */
  drawnRegion(): RegionPack | null;
  hasLiveLayers(): boolean;
  /** Draws a region (again): a new one moves the camera home; the view mounts its live layers once drawn. */
  drawRegion(pack: RegionPack): void;
  /** (Re)builds the live layers from the store it is given now. */
  mountLive(pack: RegionPack): void;
  /** Off screen: live layers down, no camera flight pending. */
  hide(): void;
  /** On screen again (before its live layers are mounted). */
  show(): void;
  /** The layers shown, applied to the live layers if they are up (they read the props when mounted). */
  showLayers(layers: ReadonlySet<LayerId>): void;
}

export type FollowedProps = Pick<MapViewProps, 'entities' | 'active' | 'region' | 'pixelScale' | 'language' | 'visibleLayers'>;

/** Returns the function to call with the props each time they change (the first call only records them). */
export function followMapViewProps(view: HostedMapView): (next: FollowedProps) => void {
  let previous: FollowedProps | undefined;
  return (next) => {
    const before = previous;
    previous = { ...next };
    if (!before) return;
    if (next.visibleLayers.join() !== before.visibleLayers.join()) view.showLayers(new Set(next.visibleLayers));
    if (next.active !== before.active) {
      if (!next.active) view.hide();
      else {
        view.show();
        const drawn = view.drawnRegion();
        if (drawn && !view.hasLiveLayers()) view.mountLive(drawn);
      }
    }
    const drawn = view.drawnRegion();
    // A new region mounts its live layers from the store it is given then: nothing else to do.
    if (next.region && next.region !== before.region && next.region !== drawn) return view.drawRegion(next.region);
    if (drawn && (next.pixelScale !== before.pixelScale || next.language !== before.language)) view.drawRegion(drawn);
    if (drawn && next.entities !== before.entities && next.active && view.hasLiveLayers()) view.mountLive(drawn);
  };
}
