import "server-only";
import { getJobQueue } from "@/lib/jobs/queue";

/**
 * Starts the job workers inside the web server without holding up its start; a database that is
 * not reachable yet is retried, and the server stops them on SIGTERM before it exits.
 */
export function startInAppWorkers(): void {
  const queue = getJobQueue();
  const attempt = (delayMs: number) => {
    queue.work().catch((error: unknown) => {
      console.error("[jobs] workers did not start:", error instanceof Error ? error.message : error);
      const retry = setTimeout(() => attempt(Math.min(delayMs * 2, 60_000)), delayMs);
      retry.unref();
    });
  };
  attempt(1_000);
  process.once("SIGTERM", () => void queue.stop());
}
