import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";

/** Every OAuth grant a user holds in the workspace, revoked ones too: the subjects their usage history is kept under. */
export async function listGrantIds(ctx: Pick<ActorContext, "workspaceId">, options: { userId: string }) {
  const grants = await prisma.oAuthGrant.findMany({
    where: { ...inWorkspace(ctx), userId: options.userId },
    select: { id: true },
  });
  return grants.map((g) => g.id);
}
