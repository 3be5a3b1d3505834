import "server-only";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { queueMail } from "@/lib/mail/queue-mail";

/** Emails the workspace's admins and owners that an endpoint was turned off after failing. */
export async function notifyWebhookDisabled(endpointId: string, failures: number, lastError: string) {
  const endpoint = await prisma.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: { id: true, url: true, workspaceId: true, disabledAt: true, workspace: { select: { name: true } } },
  });
  if (!endpoint) return;
  const admins = await prisma.membership.findMany({
    where: { workspaceId: endpoint.workspaceId, role: { in: ["admin", "owner"] }, deactivatedAt: null },
    select: { user: { select: { email: true, deactivatedAt: true } } },
  });
  const to = admins.filter((m) => !m.user.deactivatedAt).map((m) => m.user.email);
  if (to.length === 0) return;
  const page = `${getEnv().APP_URL}/settings/webhooks/${endpoint.id}`;
  await queueMail(
    {
      workspaceId: endpoint.workspaceId,
      to,
      subject: `Webhook turned off: ${endpoint.url}`,
      text: [
        `Deskbridge turned off the webhook ${endpoint.url} in ${endpoint.workspace.name} after ${failures} failed deliveries in a row.`,
        `Last error: ${lastError}`,
        "",
        `No events are sent to it until an admin turns it on again. Its delivery log: ${page}`,
      ].join("\n"),
      purpose: "webhook_disabled",
    },
    { idempotencyKey: `webhook-disabled:${endpoint.id}:${endpoint.disabledAt?.getTime() ?? 0}` },
  );
}
