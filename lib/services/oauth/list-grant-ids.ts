import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { grantIdsOf } from "@/lib/oauth/store";

/** Every OAuth grant a user holds in the workspace, revoked ones too: the subjects their usage history is kept under. */
export async function listGrantIds(ctx: Pick<ActorContext, "workspaceId">, options: { userId: string }) {
  return grantIdsOf(prisma, { workspaceId: ctx.workspaceId, userId: options.userId });
}
