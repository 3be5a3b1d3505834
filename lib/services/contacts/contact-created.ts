import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { emitEvent } from "@/lib/events/emit";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Reports a new contact to the workspace's consumers (webhooks, automations). */
export function emitContactCreated(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  contact: { id: string; name: string; email: string | null },
) {
  return emitEvent(tx, ctx, {
    type: "contact.created",
    data: { contact_id: contact.id, name: contact.name, email: contact.email },
  });
}

/**
 * The contact with this (lower-cased) address, created when there is none; inserting first tells a new
 * contact from an existing one even when two writers race, and only a new one is reported.
 */
export async function findOrCreateContact(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  email: string,
  name?: string | null,
) {
  const { count } = await tx.contact.createMany({
    data: [{ ...inWorkspace(ctx), email, name: name ?? email.split("@")[0]! }],
    skipDuplicates: true,
  });
  const contact = await tx.contact.findUniqueOrThrow({
    where: { workspaceId_email: { ...inWorkspace(ctx), email } },
    select: { id: true, name: true, email: true },
  });
  if (count > 0) await emitContactCreated(tx, ctx, contact);
  return contact;
}
