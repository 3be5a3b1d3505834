import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";

export async function listTeams(ctx: ActorContext) {
  const teams = await prisma.team.findMany({
    where: inWorkspace(ctx),
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true, _count: { select: { members: true } } },
  });
  return teams.map((t) => ({ id: t.id, name: t.name, description: t.description, member_count: t._count.members }));
}
