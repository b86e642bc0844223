// Generates both Prisma clients and the Pothos prisma types. Runs on postinstall and as turbo's generate.
// PRISMA_SCHEMA_ENGINE_BINARY=/bin/false keeps the CLI from fetching its native engine, unreachable here
// (see the README: generation needs no engine; migrations use the WebAssembly engine).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { providers, repoRoot, writeComposedSchema } from './compose-schema.mjs';

const prismaCli = join(repoRoot, 'node_modules', 'prisma', 'build', 'index.js');
if (!existsSync(prismaCli)) {
  console.log('[generate] prisma CLI not installed yet; skipping');
  process.exit(0);
}
for (const provider of providers) {
  const schema = writeComposedSchema(provider);
  execFileSync(process.execPath, [prismaCli, 'generate', '--schema', schema], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1', ...process.env },
  });
}
