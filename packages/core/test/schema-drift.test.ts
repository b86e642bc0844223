import { readFileSync } from 'node:fs';
import { printSchemaSdl, SCHEMA_FILE } from '@revcycle/core';
import { describe, expect, it } from 'vitest';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run print-schema -w @revcycle/core` after a schema change)', () => {
    expect(printSchemaSdl()).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
