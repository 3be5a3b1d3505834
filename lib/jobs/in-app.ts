import "server-only";
import { startEventDispatcher, type Dispatcher } from "@/lib/events/dispatcher";
import { getJobQueue } from "@/lib/jobs/queue";
import { JOB_KINDS } from "@/lib/jobs/registry";

/**
 * Starts the job workers and the event dispatcher inside the web server without holding up its
 * start; a database that is not reachable yet is retried, and the server stops them on SIGTERM
 * before it exits.
 */
export function startInAppWorkers(): void {
  const queue = getJobQueue();
  let dispatcher: Dispatcher | undefined;
  const attempt = (delayMs: number) => {
    queue
      .work(JOB_KINDS)
      .then(() => {
        dispatcher ??= startEventDispatcher(queue);
      })
      .catch((error: unknown) => {
        console.error("[jobs] workers did not start:", error instanceof Error ? error.message : error);
        const retry = setTimeout(() => attempt(Math.min(delayMs * 2, 60_000)), delayMs);
        retry.unref();
      });
  };
  attempt(1_000);
  process.once("SIGTERM", () => {
    void (async () => {
      await dispatcher?.stop();
      await queue.stop();
    })();
  });
}
