import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";

export async function listTags(ctx: ActorContext) {
  const tags = await prisma.tag.findMany({
    where: inWorkspace(ctx),
    orderBy: { name: "asc" },
    select: { id: true, name: true, color: true, _count: { select: { tickets: true } } },
  });
  return tags.map((t) => ({ id: t.id, name: t.name, color: t.color, ticket_count: t._count.tickets }));
}
