// Packs every publishable package (built first by `npm run build`) into one folder, as npm would publish them:
//   node scripts/pack-packages.mjs [out-dir]   (default: ./dist-packages)
// Prints the tarballs' paths. CI installs these into projects outside the repository; so does the Dockerfile.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from './compose-schema.mjs';

export const PUBLISHED = [
  'packages/x12',
  'packages/core',
  'packages/testkit',
  'packages/server',
  'plugins/payer-sandbox',
  'plugins/payer-x12-files',
  'plugins/payer-sftp',
  'plugins/document-pdf',
  'plugins/document-html',
  'plugins/statement-pdf',
  'plugins/statement-html',
  'plugins/collections-csv',
];

const outDir = resolve(process.argv[2] ?? join(repoRoot, 'dist-packages'));
mkdirSync(outDir, { recursive: true });
for (const dir of PUBLISHED) {
  const pkg = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'));
  if (!existsSync(join(repoRoot, dir, 'dist', 'index.js'))) {
    console.error(`${pkg.name} is not built: run npm run build first`);
    process.exit(1);
  }
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', outDir], {
    cwd: join(repoRoot, dir),
    encoding: 'utf8',
  });
  console.log(join(outDir, out.trim().split('\n').at(-1)));
}
