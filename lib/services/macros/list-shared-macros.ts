import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";

/** Enough for any real workspace; prompts/list stays one page. */
const MAX_SHARED = 500;

/** The workspace's shared macros, oldest first (a stable order, so names derived from it stay put). */
export async function listSharedMacros(ctx: ActorContext) {
  return prisma.macro.findMany({
    where: { ...inWorkspace(ctx), ownerUserId: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_SHARED,
    select: { id: true, name: true, description: true },
  });
}
