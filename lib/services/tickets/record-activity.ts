import "server-only";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";

export type ActivityOptions = {
  ticketId: string;
  action: string;
  changes: Prisma.InputJsonValue;
};

/** Writes one TicketActivity row naming the actor, the channel and the credential. */
export async function recordActivity(tx: Prisma.TransactionClient, ctx: ActorContext, options: ActivityOptions) {
  await tx.ticketActivity.create({
    data: {
      workspaceId: ctx.workspaceId,
      ticketId: options.ticketId,
      actorUserId: ctx.userId,
      via: ctx.via,
      credentialId: ctx.credential?.id ?? null,
      credentialName: ctx.credential?.name ?? null,
      action: options.action,
      changes: ctx.macro
        ? { ...(options.changes as Prisma.InputJsonObject), macro: { id: ctx.macro.id, name: ctx.macro.name } }
        : options.changes,
    },
  });
}
