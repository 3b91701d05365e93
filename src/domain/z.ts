/**
 * The one entry point to zod for the whole app.
 *
 * zod 4 probes `new Function("")` once per schema to decide whether it may JIT-compile parsers.
 * Under the dashboard's Content-Security-Policy (no 'unsafe-eval') that probe is a CSP violation,
 * so `jitless` must be set before the first schema is built. Every schema imports `z` from here
 * (a lint rule forbids importing 'zod' elsewhere), which guarantees the order.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
