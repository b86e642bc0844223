// A module resolution hook that adds the `@revcycle/source` condition (see source-conditions.mjs).
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions.includes('@revcycle/source')
    ? context.conditions
    : ['@revcycle/source', ...context.conditions];
  return nextResolve(specifier, { ...context, conditions });
}
