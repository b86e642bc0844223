// The vitest configuration every revcycle package shares (plain JS: vitest loads config files without a TS loader).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Plain JavaScript at the package root, so the same file serves a checkout and an installed package. In this
// repository (src/ beside it) our packages resolve to their TypeScript sources, each export's `@revcycle/source`
// entry, as aliases (Vite applies custom conditions to some imports and not others); installed (no src/), they
// resolve to their built JavaScript as any package does.
const fromSources = existsSync(fileURLToPath(new URL('./src/global-setup.ts', import.meta.url)));
const globalSetup = fileURLToPath(
  new URL(fromSources ? './src/global-setup.ts' : './dist/global-setup.js', import.meta.url),
);
const sourceAliases = fromSources ? workspaceSourceAliases(fileURLToPath(new URL('../../', import.meta.url))) : [];

/** `@revcycle/<name>[/<subpath>]` → the source file its export names under `@revcycle/source`, for every workspace. */
function workspaceSourceAliases(root) {
  const aliases = [];
  for (const group of ['packages', 'plugins', 'examples']) {
    for (const dir of readdirSync(join(root, group), { withFileTypes: true })) {
      const manifest = join(root, group, dir.name, 'package.json');
      if (!dir.isDirectory() || !existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
        const source = typeof target === 'object' && target !== null ? target['@revcycle/source'] : undefined;
        if (!source) continue;
        const specifier = `${pkg.name}${subpath.slice(1)}`.replace(/[/.]/g, (c) => `\\${c}`);
        aliases.push({ find: new RegExp(`^${specifier}$`), replacement: join(root, group, dir.name, source) });
      }
    }
  }
  return aliases;
}

/**
 * graphql 16 has no `exports` map: Node loads its CommonJS build for packages in node_modules, while Vite would
 * give our sources the `.mjs` build, and two graphql realms fail `instanceof` checks. The alias pins one build.
 * @param {import('vitest/config').ViteUserConfig['test']} overrides
 */
export function revcycleVitestConfig(overrides = {}) {
  return defineConfig({
    resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }, ...sourceAliases] },
    test: {
      globalSetup: [globalSetup],
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 20_000,
      hookTimeout: 60_000,
      // Test files spend much of their time waiting on the database server: one more file than cores keeps the
      // cores busy (vitest's default, one fewer, ran the PostgreSQL suite in twice the time on 2 cores). At most 8:
      // each file's API holds a pool of PostgreSQL connections, and the server allows 100 by default.
      maxWorkers: Math.min(availableParallelism() + 1, 8),
      ...overrides,
    },
  });
}
