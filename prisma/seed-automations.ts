import { prisma } from "@/lib/db";

/**
 * The demo's automation rule (an incoming mail that mentions a refund is tagged), and a few
 * notifications for the demo agent so the header's bell has something to show.
 */
export async function seedAutomations(options: { workspaceId: string; adminId: string; agentId: string; now: number }) {
  const { workspaceId, adminId, agentId, now } = options;
  await prisma.automationRule.create({
    data: {
      workspaceId,
      name: "Tag refund requests",
      trigger: "message.received",
      conditions: [{ field: "text_contains", value: "refund" }],
      actions: [{ type: "add_tag", tag: "refund" }],
      position: 1,
      createdById: adminId,
    },
  });
  const tickets = await prisma.ticket.findMany({
    where: { workspaceId, assigneeId: agentId, status: { in: ["open", "pending"] } },
    // The (workspace, assignee, status, updatedAt) index serves this at bulk-seed volume too.
    orderBy: { updatedAt: "desc" },
    take: 3,
    select: { id: true, number: true, subject: true },
  });
  const kinds = [
    {
      type: "assigned" as const,
      actorUserId: adminId,
      title: (t: string) => `Adam Alvarez assigned you ${t}`,
      body: null,
    },
    {
      type: "mention" as const,
      actorUserId: adminId,
      title: (t: string) => `Adam Alvarez mentioned you on ${t}`,
      body: "@ava can you take this one? The customer asked for a call back.",
    },
    {
      type: "reply" as const,
      actorUserId: null,
      title: (t: string) => `The customer replied on ${t}`,
      body: "Any news on this?",
    },
  ];
  await prisma.notification.createMany({
    data: tickets.map((t, i) => ({
      workspaceId,
      userId: agentId,
      type: kinds[i]!.type,
      ticketId: t.id,
      actorUserId: kinds[i]!.actorUserId,
      title: kinds[i]!.title(`#${t.number} ${t.subject}`),
      body: kinds[i]!.body,
      createdAt: new Date(now - (i + 1) * 17 * 60_000),
    })),
  });
}
