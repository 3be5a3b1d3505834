// Work the server finishes before its process exits: the app registers hooks
// (flushing buffered audit rows and usage counts), and the app's HTTP server
// (scripts/serve.mjs) runs them once it has stopped taking requests, then exits.
// The hooks live on globalThis: the server script and the app's bundled modules
// load this file as separate module instances in the one process.
const HOOKS = Symbol.for("deskbridge.shutdownHooks");

/** @returns {Map<string, () => Promise<unknown>>} */
function hooks() {
  const scope = /** @type {{ [HOOKS]?: Map<string, () => Promise<unknown>> }} */ (globalThis);
  return (scope[HOOKS] ??= new Map());
}

/**
 * Runs `hook` when the server shuts down. One hook per name: a module evaluated again (a
 * development reload) replaces its hook rather than adding a second.
 * @param {string} name
 * @param {() => Promise<unknown>} hook
 */
export function onShutdown(name, hook) {
  hooks().set(name, hook);
}

/** Runs every registered hook together and waits for all of them; a failing hook is logged, not thrown. */
export async function runShutdownHooks() {
  const entries = [...hooks().entries()];
  const results = await Promise.allSettled(entries.map(([, hook]) => hook()));
  results.forEach((result, i) => {
    if (result.status === "rejected") {
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      console.warn(`[deskbridge] shutdown step "${entries[i]?.[0]}" failed: ${reason}`);
    }
  });
}
