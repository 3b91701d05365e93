/**
 * The diagnostics hub behind `window.safeBorder.diagnostics()`: each part of the app reports into
 * it; the snapshot (stores/diagnosticsSnapshot.ts) is a deep copy, so callers can never reach
 * live objects through it.
 */
import type { DiagnosticError, DiagnosticsSnapshot, LayerDiagnostics, SourceDiagnostics } from '../stores/diagnosticsSnapshot';
import { describeError } from '../domain/describeError';

/** A wall runs for months: keep the newest errors, not all of them. */
export const MAX_DIAGNOSTIC_ERRORS = 100;

export class DiagnosticsHub {
  private regionId: string | null = null;
  private ready = false;
  private readonly layers = new Map<string, LayerDiagnostics>();
  private readonly errors: DiagnosticError[] = [];
  private renderer: () => Record<string, unknown> | null = () => null;
  private frames: () => number = () => 0;
  private sources: () => SourceDiagnostics[] = () => [];
  private layerProbe: () => LayerDiagnostics[] = () => [];
  private entities: () => Record<string, number> = () => ({});
  private droppedErrors = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  setRegion(regionId: string | null): void {
    this.regionId = regionId;
  }

  setReady(ready: boolean): void {
    this.ready = ready;
  }

  setLayer(layer: LayerDiagnostics): void {
    this.layers.set(layer.id, { ...layer });
  }

  /** Layers whose counts change all the time (the live layers) are read when asked for. */
  setLayerProbe(probe: () => LayerDiagnostics[]): void {
    this.layerProbe = probe;
  }

  setRendererProbe(renderer: () => Record<string, unknown>, frames: () => number): void {
    this.renderer = renderer;
    this.frames = frames;
  }

  setDataProbe(sources: () => SourceDiagnostics[], entities: () => Record<string, number>): void {
    this.sources = sources;
    this.entities = entities;
  }

  recordError(source: string, error: unknown): void {
    this.errors.push({ source, message: describeError(error), at: this.now().toISOString() });
    if (this.errors.length > MAX_DIAGNOSTIC_ERRORS) {
      this.errors.splice(0, this.errors.length - MAX_DIAGNOSTIC_ERRORS);
      this.droppedErrors += 1;
    }
  }

  snapshot(): DiagnosticsSnapshot {
    return structuredClone({
      regionId: this.regionId,
      ready: this.ready,
      layers: [...this.layers.values(), ...this.layerProbe()],
      renderer: this.renderer(),
      framesRendered: this.frames(),
      errors: this.errors,
      errorsDropped: this.droppedErrors,
      sources: this.sources(),
      entities: this.entities(),
    });
  }
}

/** The app's hub, installed on `window.safeBorder` by main.ts. */
export const diagnostics = new DiagnosticsHub();
