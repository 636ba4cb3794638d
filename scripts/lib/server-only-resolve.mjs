/**
 * A module resolve hook: `server-only` resolves with the react-server condition, to its empty build, as Next
 * resolves it for server code. Everything else resolves as before; the rest of the process keeps Node's conditions.
 */
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== 'server-only') return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
}
