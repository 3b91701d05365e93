import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/**
 * One `vitest run` runs both projects and prints one summary:
 * - unit: pure code in Node, tests beside the code (*.test.ts);
 * - e2e: the production build in Debian's Chromium (tests/e2e/*.e2e.ts), one file at a time
 *   because software WebGL is CPU-bound and two pages would slow each other into time-outs.
 * The projects run one after the other (sequence.groupOrder): unit first, then e2e, so neither
 * starves the other of the machine's cores (see tests/README.md, "Sharing the machine").
 */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'mock/**/*.test.ts', 'server/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
            environment: 'node',
            // A server a unit test starts keeps its log in memory, never in the project's .data/.
            env: { DATA_DIR: ':memory:' },
            globalSetup: ['tests/regionPacksSetup.ts'],
            // Limits catch a hang, they are not speed targets (those are in the benchmarks): on a
            // busy 2-core CI machine a fuzz or build test can take many times its idle duration.
            testTimeout: 60_000,
            hookTimeout: 120_000,
            sequence: { groupOrder: 0 },
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.e2e.ts'],
            environment: 'node',
            globalSetup: ['tests/e2e/globalSetup.ts'],
            fileParallelism: false,
            sequence: { groupOrder: 1 },
            testTimeout: 180_000,
            hookTimeout: 300_000,
          },
        },
      ],
    },
  }),
);
