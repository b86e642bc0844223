// The vitest configuration every revcycle package shares (plain JS: vitest loads config files without a TS loader).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// In this repository the config runs from src/ and our packages resolve to their TypeScript sources (the
// `@revcycle/source` export condition); installed, it runs from dist/ and they resolve to their built JavaScript.
const fromSources = import.meta.url.includes('/src/vitest-config.mjs');
const globalSetup = fileURLToPath(new URL(fromSources ? './global-setup.ts' : './global-setup.js', import.meta.url));
const conditions = fromSources ? ['@revcycle/source'] : [];

/**
 * graphql 16 has no `exports` map: Node loads its CommonJS build for packages in node_modules, while Vite would
 * give our sources the `.mjs` build, and two graphql realms fail `instanceof` checks. The alias pins one build.
 * @param {import('vitest/config').ViteUserConfig['test']} overrides
 */
export function revcycleVitestConfig(overrides = {}) {
  return defineConfig({
    resolve: {
      alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
      conditions: [...conditions, 'module', 'node', 'development|production'],
    },
    ssr: { resolve: { conditions: [...conditions, 'module', 'node', 'development|production'], externalConditions: conditions } },
    test: {
      globalSetup: [globalSetup],
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 20_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  });
}
