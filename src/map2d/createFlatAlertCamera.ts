/**
 * The flat map's camera as the alert-focus policy (layers/live/followAlerts.ts) drives it. The
 * map's own flights are marked, so a user's pan is never taken for the end of one; a newer flight
 * drops the older one's arrival.
 */
import type { LngLat, Map as MaplibreMap } from 'maplibre-gl';
import type { AlertCamera } from '../layers/live/followAlerts';

interface FlatView {
  center: [number, number];
  zoom: number;
}

const ALERT_FLIGHT = { safeBorderAlertFocus: true };
/** Further than this from where the flight landed, someone has taken the map. */
const MOVED_METERS = 50;

export function createFlatAlertCamera(map: MaplibreMap): AlertCamera<FlatView, LngLat> {
  let pendingArrival: ((event: object) => void) | undefined;
  return {
    where() {
      const centre = map.getCenter();
      return { center: [centre.lng, centre.lat], zoom: map.getZoom() };
    },
    flyToAlert(alert, arrived) {
      if (pendingArrival) map.off('moveend', pendingArrival);
      const onEnd = (event: object) => {
        if (!('safeBorderAlertFocus' in event)) return;
        map.off('moveend', onEnd);
        pendingArrival = undefined;
        arrived(map.getCenter());
      };
      pendingArrival = onEnd;
      // Listening first: with reduced motion the flight ends inside flyTo.
      map.on('moveend', onEnd);
      map.flyTo({ center: [alert.position[0], alert.position[1]], zoom: 12, duration: 2000 }, ALERT_FLIGHT);
    },
    movedSince: (landed) => map.getCenter().distanceTo(landed) >= MOVED_METERS,
    flyBack: (view) => void map.flyTo({ ...view, duration: 2000 }),
  };
}
