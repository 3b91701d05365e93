/**
 * The alert-focus policy both map views follow: a new alert at or above the configured severity
 * draws the camera of the view on screen, live only (in playback an alert "appearing" is history);
 * after the dwell the camera goes back to where it was before the first of a run of alerts,
 * unless someone moved it meanwhile, in which case it stays where they put it. Each engine
 * supplies only how its camera looks, flies and tells a move.
 */
import type { Alert } from '../../domain/entities/alert';

/** An engine's camera, as the policy needs it; `V` is how the engine remembers a view. */
export interface AlertCamera<V, Landed = V> {
  where(): V;
  /** Flies to the alert; calls `arrived` once there (never for a flight a newer one replaced). */
  flyToAlert(alert: Alert, arrived: (landed: Landed) => void): void;
  /** Whether the camera moved from where the flight landed (someone took it). */
  movedSince(landed: Landed): boolean;
  flyBack(view: V): void;
}

export interface AlertFocusSettings {
  minSeverity: number | null;
  dwellSeconds: number;
}

export interface AlertFocusState {
  /** The view is on screen. */
  active: boolean;
  /** Live, not playback. */
  followAlerts: boolean;
}

export interface FollowAlerts {
  /** Whether this alert takes the camera now. */
  wants(alert: Alert): boolean;
  /** Takes the camera to the alert if it is wanted; returns whether it did. */
  focus(alert: Alert): boolean;
  /** The view was hidden or is going: no flight back. */
  cancel(): void;
}

export function followAlerts<V, Landed>(camera: AlertCamera<V, Landed>, settings: () => AlertFocusSettings, state: () => AlertFocusState): FollowAlerts {
  let saved: V | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const wants = (alert: Alert): boolean => {
    const { minSeverity } = settings();
    const { active, followAlerts: live } = state();
    return active && live && minSeverity !== null && alert.severity >= minSeverity && alert.status === 'new';
  };

  return {
    wants,
    focus(alert) {
      if (!wants(alert)) return false;
      saved ??= camera.where();
      clearTimeout(timer);
      camera.flyToAlert(alert, (landed) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const back = saved;
          saved = undefined;
          if (back !== undefined && !camera.movedSince(landed)) camera.flyBack(back);
        }, settings().dwellSeconds * 1000);
      });
      return true;
    },
    cancel() {
      clearTimeout(timer);
      saved = undefined;
    },
  };
}
