// Runs once when a server instance starts: check the environment now, so a bad
// setting stops the start rather than failing requests later, connect the
// shared counter store, so the first requests are limited by Redis rather than
// by the local insurance, and start the job workers (and the inbound SMTP
// receiver, when INBOUND_SMTP_PORT is set) unless this instance leaves them to
// `npm run worker` processes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  const env = getEnv();
  if (env.REDIS_URL) {
    const { counterStore } = await import("./lib/rate-limit/store");
    counterStore();
  }
  if (env.JOB_WORKERS === "in-app") {
    const { startInAppWorkers } = await import("./lib/jobs/in-app");
    startInAppWorkers();
    const { startConfiguredInboundReceiver } = await import("./lib/mail/inbound/smtp-receiver");
    void startConfiguredInboundReceiver();
  }
}
