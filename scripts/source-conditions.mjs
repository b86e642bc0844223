// Resolves our workspace packages to their TypeScript sources (the `@revcycle/source` export condition) so the
// repository runs without a build. Used with tsx: `node --import ./scripts/source-conditions.mjs --import tsx …`,
// or registered by packages/server/bin/revcycle.mjs when it runs from a checkout.
import { register } from 'node:module';

register('./source-conditions-hook.mjs', import.meta.url);
