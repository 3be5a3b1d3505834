import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { requireUserId, statusJson } from "@/lib/services/agent-status/shared";

/** The acting agent's status in this workspace (online, away or offline). */
export async function getMyStatus(ctx: ActorContext) {
  const userId = requireUserId(ctx, "Reading your status");
  const row = await prisma.membership.findUnique({
    where: { workspaceId_userId: { ...inWorkspace(ctx), userId } },
    select: { status: true, statusChangedAt: true },
  });
  if (!row) throw notFound("Membership");
  return statusJson(row);
}
