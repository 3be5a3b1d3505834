import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";

/** Active members of the workspace, for assignment pickers and the list_agents tool. */
export async function listAgents(ctx: ActorContext) {
  const members = await prisma.membership.findMany({
    where: { ...inWorkspace(ctx), deactivatedAt: null, user: { deactivatedAt: null } },
    orderBy: { user: { name: "asc" } },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  return members.map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email, role: m.role }));
}
