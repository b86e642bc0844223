import type { ViteUserConfig } from 'vitest/config';

export declare function revcycleVitestConfig(overrides?: ViteUserConfig['test']): ViteUserConfig;
