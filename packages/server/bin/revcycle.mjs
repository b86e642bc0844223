#!/usr/bin/env node
// The revcycle CLI. An installed package runs its built JavaScript (dist/); a checkout of the repository, which has
// src/ and no build, runs the TypeScript sources through tsx (a development dependency of the repository).
import { existsSync } from 'node:fs';

const sources = new URL('../src/cli.ts', import.meta.url);
if (existsSync(sources)) {
  await import(new URL('../../../scripts/source-conditions.mjs', import.meta.url).href);
  const { register } = await import('tsx/esm/api');
  register();
  await import(sources.href);
} else {
  await import(new URL('../dist/cli.js', import.meta.url).href);
}
