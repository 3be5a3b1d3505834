import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { SLA_POLICY_SELECT, slaPolicyJson } from "@/lib/services/sla/shared";

/** The workspace's SLA policies in their order, each with how many open or pending tickets it measures. */
export async function listSlaPolicies(ctx: ActorContext) {
  const [rows, counts] = await Promise.all([
    prisma.slaPolicy.findMany({
      where: inWorkspace(ctx),
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: SLA_POLICY_SELECT,
    }),
    prisma.ticket.groupBy({
      by: ["slaPolicyId"],
      where: { ...inWorkspace(ctx), slaPolicyId: { not: null }, status: { in: ["open", "pending"] } },
      _count: { _all: true },
    }),
  ]);
  const byId = new Map(counts.map((c) => [c.slaPolicyId, c._count._all]));
  return rows.map((row) => ({ ...slaPolicyJson(row), active_ticket_count: byId.get(row.id) ?? 0 }));
}

export type SlaPolicyListItem = Awaited<ReturnType<typeof listSlaPolicies>>[number];
