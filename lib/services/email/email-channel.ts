import "server-only";
import type { ActorContext } from "@/lib/context";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { inboundAddressOf } from "@/lib/mail/addresses";

type Db = Pick<Prisma.TransactionClient, "workspace">;

/** A workspace's email channel as people and tools see it, defaults filled in. */
export async function readEmailChannel(db: Db, workspaceId: string) {
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: {
      name: true,
      slug: true,
      emailChannel: { select: { enabled: true, senderName: true, senderAddress: true } },
    },
  });
  const env = getEnv();
  const inbound = inboundAddressOf(workspace.slug);
  const channel = workspace.emailChannel;
  return {
    enabled: channel?.enabled ?? true,
    sender_name: channel?.senderName ?? null,
    sender_address: channel?.senderAddress ?? null,
    /** What goes out: the set values, else the workspace's name and inbound address. */
    from: { name: channel?.senderName ?? workspace.name, address: channel?.senderAddress ?? inbound },
    inbound_address: inbound,
    reply_address_format: `support+<ticket token>@${env.INBOUND_MAIL_DOMAIN}`,
    inbound_smtp: env.INBOUND_SMTP_PORT ? `${env.INBOUND_SMTP_HOST}:${env.INBOUND_SMTP_PORT}` : null,
    mailgun_inbound: !!env.MAILGUN_WEBHOOK_SIGNING_KEY,
    dkim: !!(env.DKIM_PRIVATE_KEY && env.DKIM_SELECTOR && env.DKIM_DOMAIN),
  };
}

export type EmailChannelView = Awaited<ReturnType<typeof readEmailChannel>>;

export function getEmailChannel(ctx: ActorContext) {
  return readEmailChannel(prisma, ctx.workspaceId);
}
