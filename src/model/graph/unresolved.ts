/**
 * The facts a node carries before stage 4 has worked them out: reading any of them is a mistake
 * in the code (a view or a check step reading the graph before it was resolved), so it fails
 * loudly and says where the facts come from, rather than rendering an empty value.
 */
export function unresolved<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      // Looked up by Promise resolution, JSON.stringify and inspection: not a read of a fact.
      if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined;
      throw new Error(`the ${what}'s "${key}" was read before the resolve stage (src/model/resolve/) worked it out`);
    },
  });
}
