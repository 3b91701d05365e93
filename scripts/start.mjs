// `npm start`: all set-up, a production build, then the dashboard on http://127.0.0.1:4173
// (PORT overrides), served with its Content-Security-Policy and the other security headers
// (scripts/securityHeadersPlugin.ts). The embedded backend's /control is off unless MOCK_CONTROL=on.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureDependencies, root } from './setup.mjs';

ensureDependencies();
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const port = process.env.PORT ?? '4173';
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const server = spawn(process.execPath, [vite, 'preview', '--configLoader', 'runner', '--host', '127.0.0.1', '--port', port, '--strictPort'], { cwd: root, stdio: 'inherit' });
for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
