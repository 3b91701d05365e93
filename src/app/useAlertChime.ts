/**
 * The duty officer's chime for a new alert of severity 3 or more. Browsers start audio only after
 * a gesture, so it is armed by the officer's first click anywhere (never assumed), and it can be
 * muted. The tone is synthesised (Web Audio), so there is no file to ship or fetch.
 */
import { isoMs } from '../domain/isoMs';
import { onScopeDispose, ref } from 'vue';
import type { Alert } from '../domain/entities/alert';
import type { EntityReader } from '../stores/entityStore';

/** Alerts older than this when they arrive (a snapshot, a resync) are not news: no chime. */
const FRESH_MS = 2 * 60_000;
/** A burst of alerts chimes once, not once each. */
const QUIET_MS = 3000;

/** `enabled`: only a duty screen chimes, so only there does a click open an audio context. */
export function useAlertChime(entities: () => EntityReader, enabled: () => boolean, wanted: (alert: Alert) => boolean, nowMs: () => number = Date.now) {
  const armed = ref(false);
  const muted = ref(false);
  const played = ref(0);
  let context: AudioContext | null = null;
  let lastAt = 0;

  const arm = () => {
    if (!enabled()) return;
    document.removeEventListener('pointerdown', arm);
    context ??= new AudioContext();
    void context.resume().then(() => (armed.value = context?.state === 'running'));
  };
  document.addEventListener('pointerdown', arm);

  function chime(severity: number): void {
    if (!context || context.state !== 'running' || muted.value) return;
    const start = context.currentTime;
    // Two rising tones; a third, higher, for severity 4.
    const tones = severity >= 4 ? [660, 880, 1175] : [660, 880];
    tones.forEach((frequency, index) => {
      const oscillator = context!.createOscillator();
      const gain = context!.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + index * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.3, start + index * 0.18 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + index * 0.18 + 0.16);
      oscillator.connect(gain).connect(context!.destination);
      oscillator.start(start + index * 0.18);
      oscillator.stop(start + index * 0.18 + 0.17);
    });
    played.value += 1;
  }

  const listen = (reader: EntityReader) =>
    reader.onDiff((diff) => {
      const added = diff.alert?.added ?? [];
      let loudest = 0;
      for (const id of added) {
        const alert = reader.peek('alert', id);
        if (!alert || alert.severity < 3 || alert.status !== 'new' || !enabled() || !wanted(alert)) continue;
        if (nowMs() - isoMs(alert.hit.at) > FRESH_MS) continue;
        loudest = Math.max(loudest, alert.severity);
      }
      if (loudest === 0 || nowMs() - lastAt < QUIET_MS) return;
      lastAt = nowMs();
      chime(loudest);
    });
  const stop = listen(entities());

  onScopeDispose(() => {
    stop();
    document.removeEventListener('pointerdown', arm);
    void context?.close();
  });

  /** `ring`: the same tones for other news the desk must hear (an assistance request). */
  return { armed, muted, played, ring: chime };
}
