import { runStatementRendererContract } from '@revcycle/testkit';
import { textStatementRenderer } from '../src/index.ts';

runStatementRendererContract('text', textStatementRenderer, async (bytes) => new TextDecoder().decode(bytes));
