// Job workers in a process of their own (run through scripts/worker.mjs): production runs any
// number of these beside web instances that set JOB_WORKERS=off. Stops cleanly on SIGTERM/SIGINT:
// no new jobs are taken, and running ones finish first. The inbound SMTP receiver runs here too
// when INBOUND_SMTP_PORT is set (the process that runs the workers owns it).
import { getEnv } from "@/lib/env";
import { JOB_KINDS } from "@/lib/jobs/registry";
import { getJobQueue } from "@/lib/jobs/queue";
import { startEventDispatcher } from "@/lib/events/dispatcher";
import { startConfiguredInboundReceiver } from "@/lib/mail/inbound/smtp-receiver";

// The jobs sign reply addresses and rating links (AUTH_SECRET) and open sealed webhook secrets
// (SECRET_ENCRYPTION_KEY): without the web server's keys a worker would take jobs only to fail them.
const env = getEnv();
const missing = (["AUTH_SECRET", "SECRET_ENCRYPTION_KEY"] as const).filter((name) => !env[name]);
if (missing.length) {
  console.error(`[jobs] ${missing.join(" and ")} not set: give the worker the web server's values.`);
  process.exit(1);
}
const queue = getJobQueue();
await queue.work(JOB_KINDS);
const dispatcher = startEventDispatcher(queue);
const receiver = await startConfiguredInboundReceiver();
console.log(`[jobs] worker serving ${JOB_KINDS.map((kind) => kind.name).join(", ")}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await dispatcher.stop();
  await Promise.all([queue.stop(), receiver?.close()]);
  console.log("[jobs] worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
