import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Public sample files, copied unchanged with their licenses (see fixtures/samples/README.md). */
export const SAMPLES_ROOT = fileURLToPath(new URL('./fixtures/samples', import.meta.url));

export function sample(path: string): string {
  return readFileSync(join(SAMPLES_ROOT, path), 'latin1');
}

/** Every sample file under a folder, as paths relative to the samples root. */
export function samplesUnder(folder = ''): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/^(LICENSE|README)/.test(name)) out.push(relative(SAMPLES_ROOT, path));
    }
  };
  walk(join(SAMPLES_ROOT, folder));
  return out.sort();
}
