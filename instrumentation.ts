// Runs once when a server instance starts: connect the shared counter store now,
// so the first requests are limited by Redis rather than by the local insurance.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.REDIS_URL) {
    const { counterStore } = await import("./lib/rate-limit/store");
    counterStore();
  }
}
