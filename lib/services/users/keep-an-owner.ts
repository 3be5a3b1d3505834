import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Inside the caller's transaction: refuses to take the owner role or access
 * away from the workspace's last active owner. Writing the workspace row first
 * locks it, so two owners demoting each other at once cannot both pass.
 * `action` completes "before you …", e.g. "offboard them".
 */
export async function keepAnOwner(
  tx: Prisma.TransactionClient,
  ctx: Pick<ActorContext, "workspaceId">,
  userId: string,
  action: string,
): Promise<void> {
  await tx.workspace.update({ where: { id: ctx.workspaceId }, data: { updatedAt: new Date() }, select: { id: true } });
  const others = await tx.membership.count({
    where: { ...inWorkspace(ctx), role: "owner", deactivatedAt: null, userId: { not: userId } },
  });
  if (others === 0) {
    throw new AppError(
      "conflict",
      `This is the workspace's last owner: a workspace keeps at least one owner, so make someone else an owner before you ${action}.`,
    );
  }
}
