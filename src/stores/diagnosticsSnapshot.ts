/**
 * What `window.safeBorder.diagnostics()` returns: plain JSON that tests, benchmarks and an
 * operator at the browser console can read. The hub that collects it is app/diagnostics.ts; the
 * shape lives here, below the panels, so the diagnostics overlay reads it without importing the app.
 */
export interface LayerDiagnostics {
  id: string;
  featureCount: number;
  visible: boolean;
}

export interface DiagnosticError {
  source: string;
  message: string;
  at: string;
}

/** A data source as diagnostics reports it (see stores/sourceStore). */
export interface SourceDiagnostics {
  id: string;
  type: string;
  state: string;
  lastMessageAt: string | null;
  lastChangeAt: string | null;
  cursor: number | null;
  /** Silence longer than this makes the source stale. */
  staleAfterMs: number | null;
  lastError: { code: string; reason: string; status?: number } | null;
  /** The last fresh snapshot the stream started over from: when, why, and whether it replaced (a restart). */
  lastResync: { at: string; reason: string; replaced: boolean; records: number } | null;
  /** Backend restarts seen since the page opened. */
  restarts: number;
  rejected: { total: number; byReason: Record<string, number> };
}

export interface DiagnosticsSnapshot {
  regionId: string | null;
  ready: boolean;
  layers: LayerDiagnostics[];
  renderer: Record<string, unknown> | null;
  framesRendered: number;
  errors: DiagnosticError[];
  /** Errors older than the newest MAX_DIAGNOSTIC_ERRORS, counted but no longer listed. */
  errorsDropped: number;
  sources: SourceDiagnostics[];
  /** Records held, by entity kind. */
  entities: Record<string, number>;
}
