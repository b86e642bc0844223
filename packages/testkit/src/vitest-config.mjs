// The vitest configuration every revcycle package shares (plain JS: vitest loads config files without a TS loader).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * graphql 16 has no `exports` map: Node loads its CommonJS build for packages in node_modules, while Vite would
 * give our sources the `.mjs` build, and two graphql realms fail `instanceof` checks. The alias pins one build.
 * @param {import('vitest/config').ViteUserConfig['test']} overrides
 */
export function revcycleVitestConfig(overrides = {}) {
  return defineConfig({
    resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
    test: {
      globalSetup: [fileURLToPath(new URL('./global-setup.ts', import.meta.url))],
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 20_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  });
}
