import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";

/** The workspace's access requests, pending first, then the latest answered (Settings → MCP governance). */
export async function listAccessRequests(ctx: ActorContext) {
  const rows = await prisma.mcpAccessRequest.findMany({
    where: inWorkspace(ctx),
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 50,
    select: {
      id: true,
      kind: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      client: { select: { name: true, clientId: true, registrationType: true } },
      requestedBy: { select: { name: true, email: true } },
      decidedBy: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    client: r.client.name,
    client_id: r.client.clientId,
    requested_by: r.requestedBy.name,
    requested_at: r.createdAt.toISOString(),
    decided_by: r.decidedBy?.name ?? null,
  }));
}
