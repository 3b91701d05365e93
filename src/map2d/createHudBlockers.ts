/**
 * maplibre places names clear of each other but knows nothing of the HUD's panels over the map.
 * These are invisible icons the size of each panel, anchored where the panel sits on the map now
 * and placed before any name (the layer goes on top), so no name is placed under a panel; they
 * move with the panels whenever the map stops moving.
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { ScreenRect } from '../layers/freeMapArea';

const SOURCE_ID = 'hud-blockers';
const HUD_BLOCKER_LAYER_ID = 'hud-blockers';

export interface HudBlockers {
  /** Puts the blockers where the panels are now (after the map moved or the layout changed). */
  update(): void;
  destroy(): void;
}

export function createHudBlockers(map: MaplibreMap, panels: () => ScreenRect[]): HudBlockers {
  map.addSource(SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: HUD_BLOCKER_LAYER_ID,
    type: 'symbol',
    source: SOURCE_ID,
    layout: { 'icon-image': ['get', 'image'], 'icon-allow-overlap': true, 'icon-ignore-placement': false },
    paint: { 'icon-opacity': 0 },
  });

  function update(): void {
    const canvas = map.getCanvas();
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const features: FeatureCollection['features'] = [];
    for (const rect of panels()) {
      const left = Math.max(0, rect.left);
      const right = Math.min(width, rect.right);
      const top = Math.max(0, rect.top);
      const bottom = Math.min(height, rect.bottom);
      if (right - left < 1 || bottom - top < 1) continue;
      const w = Math.ceil(right - left);
      const h = Math.ceil(bottom - top);
      const image = `hud-blocker-${w}x${h}`;
      if (!map.hasImage(image)) map.addImage(image, { width: w, height: h, data: new Uint8Array(w * h * 4) });
      const centre = map.unproject([(left + right) / 2, (top + bottom) / 2]);
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [centre.lng, centre.lat] }, properties: { image } });
    }
    void (map.getSource(SOURCE_ID) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
    if (map.getLayer(HUD_BLOCKER_LAYER_ID)) map.moveLayer(HUD_BLOCKER_LAYER_ID);
  }

  map.on('moveend', update);
  map.on('resize', update);
  return {
    update,
    destroy() {
      map.off('moveend', update);
      map.off('resize', update);
      if (map.getLayer(HUD_BLOCKER_LAYER_ID)) map.removeLayer(HUD_BLOCKER_LAYER_ID);
      if (map.getSource(SOURCE_ID)) map.removeSource(SOURCE_ID);
    },
  };
}
