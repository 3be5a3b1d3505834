// Demo webhook: an endpoint for the README's receiver (port 4000 on this machine), turned off until
// someone starts it, with a short delivery log so the page shows what a log looks like.
import { createHmac, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { canEncrypt, encryptSecret } from "@/lib/credentials/encryption";

const URL = "http://127.0.0.1:4000/deskbridge";

export async function seedWebhooks(options: { workspaceId: string; createdById: string; now: number }) {
  // The secret is sealed under the server's key; a seed run without one leaves webhooks out.
  if (!canEncrypt()) return 0;
  const { workspaceId, createdById, now } = options;
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const endpoint = await prisma.webhookEndpoint.create({
    data: {
      workspaceId,
      url: URL,
      description: "Local receiver from the README",
      eventTypes: ["ticket.created", "ticket.status_changed", "message.created"],
      enabled: false,
      disabledReason:
        "Demo endpoint: start the README's receiver on port 4000, rotate the secret to get one to give it, then turn this on.",
      disabledAt: new Date(now - 60 * 60_000),
      secret: encryptSecret(secret),
      createdById,
      createdAt: new Date(now - 3 * 86_400_000),
    },
  });
  const tickets = await prisma.ticket.findMany({
    where: { workspaceId },
    orderBy: { number: "desc" },
    take: 3,
    select: { id: true, number: true, subject: true, status: true, priority: true, channel: true },
  });
  const rows = tickets.map((ticket, i) => {
    const at = new Date(now - (i + 2) * 3_600_000);
    const eventId = `evt_demo_${ticket.number}`;
    const body = JSON.stringify({
      type: "ticket.created",
      timestamp: at.toISOString(),
      data: {
        ticket: { number: ticket.number, subject: ticket.subject, status: ticket.status, priority: ticket.priority },
      },
    });
    const timestamp = Math.floor(at.getTime() / 1000);
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const signature = `v1,${createHmac("sha256", key).update(`${eventId}.${timestamp}.${body}`).digest("base64")}`;
    const failed = i === 0;
    return {
      workspaceId,
      endpointId: endpoint.id,
      eventId,
      eventType: "ticket.created",
      attempt: 1,
      requestBody: body,
      requestHeaders: {
        "content-type": "application/json",
        "webhook-id": eventId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signature,
        "user-agent": "Deskbridge-Webhooks/1",
      },
      responseStatus: failed ? null : 204,
      responseBody: failed ? null : "",
      durationMs: failed ? 3 : 18 + i * 7,
      success: !failed,
      error: failed ? "The server could not be reached." : null,
      createdAt: at,
    };
  });
  await prisma.webhookDelivery.createMany({ data: rows });
  return 1;
}
