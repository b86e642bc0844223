import { revcycleVitestConfig } from '@revcycle/testkit/vitest-config';

export default revcycleVitestConfig();
