export { readServerConfig } from './env-config.ts';
export type { ServerConfig } from './env-config.ts';
export { startServer } from './serve.ts';
export type { RunningServer } from './serve.ts';
export { DEMO_ORGANIZATION_NAME, seedDemo } from './demo/seed-demo.ts';
