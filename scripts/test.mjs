// `npm test`: all set-up, then every test (unit and end-to-end) in one vitest run.
// Extra arguments go to vitest, e.g. `npm test -- --project unit`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBrowser, ensureDependencies, ensureMosquitto, ensurePostgres, root } from './setup.mjs';

const args = process.argv.slice(2);
const unitOnly = args.includes('unit') && !args.includes('e2e');
ensureDependencies();
if (!unitOnly) ensureBrowser();
// Both projects start brokers: the mqtt adapter's contract tests and its end-to-end test.
ensureMosquitto();
ensurePostgres();
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--configLoader', 'runner', ...args], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
