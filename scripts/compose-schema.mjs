// Builds prisma/.build/<provider>/schema.prisma from the provider's datasource file and the shared models.
// Prisma cannot share one models file between two schema folders, so we compose them (build output, git-ignored).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const providers = ['sqlite', 'postgresql'];

/** The full datamodel text of one provider: its datasource + generators, then the shared models. */
export function composeSchema(provider) {
  const head = readFileSync(join(repoRoot, 'prisma', provider, 'datasource.prisma'), 'utf8');
  const models = readFileSync(join(repoRoot, 'prisma', 'models.prisma'), 'utf8');
  return `${head}\n${models}`;
}

/** Writes the composed schema where `prisma generate` reads it; generator outputs are relative to it. */
export function writeComposedSchema(provider) {
  const file = join(repoRoot, 'prisma', '.build', provider, 'schema.prisma');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, composeSchema(provider));
  return file;
}
