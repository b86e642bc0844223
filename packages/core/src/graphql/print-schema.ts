// Writes the printed SDL to schema.graphql at the repository root (checked in; a test fails when it drifts).
import { writeFileSync } from 'node:fs';
import { printSchemaSdl, SCHEMA_FILE } from './schema-sdl.ts';

writeFileSync(SCHEMA_FILE, printSchemaSdl());
console.log(`wrote ${SCHEMA_FILE}`);
