import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { statusJson } from "@/lib/services/agent-status/shared";
import { ListAgentStatusesSchema, type ListAgentStatusesInput } from "@/lib/validations/agent-status";

/** Every active member's status, by name; optionally only one status or one team's members. */
export async function listAgentStatuses(ctx: ActorContext, input: ListAgentStatusesInput = {}) {
  const data = parseInput(ListAgentStatusesSchema, input);
  if (data.team) {
    const team = await prisma.team.findFirst({ where: { ...inWorkspace(ctx), id: data.team }, select: { id: true } });
    if (!team) throw notFound("Team");
  }
  const rows = await prisma.membership.findMany({
    where: {
      ...inWorkspace(ctx),
      deactivatedAt: null,
      user: {
        deactivatedAt: null,
        ...(data.team ? { teamMembers: { some: { teamId: data.team } } } : {}),
      },
      ...(data.status ? { status: data.status } : {}),
    },
    orderBy: { user: { name: "asc" } },
    select: {
      status: true,
      statusChangedAt: true,
      role: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  return rows.map((r) => ({ id: r.user.id, name: r.user.name, email: r.user.email, role: r.role, ...statusJson(r) }));
}
