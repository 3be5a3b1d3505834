import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound } from "@/lib/errors";

/** A person's membership of the actor's workspace, active or not; not_found when they never joined. */
export async function findMember(ctx: Pick<ActorContext, "workspaceId">, userId: string) {
  const member = await prisma.membership.findUnique({
    where: { workspaceId_userId: { ...inWorkspace(ctx), userId } },
    select: { userId: true, role: true, deactivatedAt: true, user: { select: { name: true, email: true } } },
  });
  if (!member) throw notFound("Agent");
  return member;
}
