import { GraphQLError } from 'graphql';
import type { BillingContext } from './context.ts';

interface PageArgs {
  first?: number | null;
  last?: number | null;
}

/** Page-size options for every connection: a request above the cap is an error, never silently truncated. */
export const pageSizeOptions = {
  defaultSize: 20,
  maxSize: (args: PageArgs, ctx: BillingContext) => {
    const max = ctx.limits.maxPageSize;
    for (const name of ['first', 'last'] as const) {
      const size = args[name];
      if (typeof size === 'number' && size > max) {
        throw new GraphQLError(`${name}: ${size} is above the maximum page size of ${max}`, {
          extensions: { code: 'VALIDATION_FAILED', path: [name] },
        });
      }
    }
    return max;
  },
};
