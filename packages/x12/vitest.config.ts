import { defineConfig } from 'vitest/config';

// Pure package: no database, no global setup.
export default defineConfig({ test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } });
