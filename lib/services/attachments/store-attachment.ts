import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ATTACHMENT_SELECT, type AttachmentRow } from "@/lib/services/attachments/shared";
import { contentTypeOf, safeFilename } from "@/lib/services/attachments/sniff";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { getStorage } from "@/lib/storage";
import { formatBytes, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from "@/lib/validations/attachments";

export type StoreAttachmentOptions = {
  /** The ticket's id (not its number). */
  ticketId: string;
  /** A message of that ticket the file belongs under; absent for a file on the ticket itself. */
  messageId?: string | null;
  filename: string;
  bytes: Uint8Array;
  /** What the sender claimed (a MIME part's type); used only to narrow the sniffed type (see contentTypeOf). */
  contentTypeHint?: string | null;
  /** The contact who sent it (inbound mail); the agent is taken from ctx.userId. */
  uploaderContactId?: string | null;
  /** The field named in errors ("files", "content_base64", …). */
  field?: string;
  /**
   * Collects the storage key once the bytes are written, so a caller whose transaction fails
   * afterwards can remove them (see removeStoredFiles).
   */
  storedKeys?: string[];
};

/** A storage key nobody can guess or steer: the workspace, the ticket and random bytes. */
function storageKeyFor(ctx: ActorContext, ticketId: string) {
  return `${ctx.workspaceId}/${ticketId}/${randomBytes(16).toString("hex")}`;
}

/**
 * Stores one file on a ticket (and message), in the caller's transaction: checks the size and the
 * per-message count, sniffs the type, writes the bytes to file storage, the row and a ticket
 * activity row. Every channel (the composer, add_attachment, inbound mail) comes through here.
 */
export async function storeAttachment(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  options: StoreAttachmentOptions,
): Promise<AttachmentRow> {
  const field = options.field ?? "file";
  const filename = safeFilename(options.filename);
  if (options.bytes.byteLength === 0) {
    throw new AppError("validation_error", `${filename} is empty.`, { fields: { [field]: [`${filename} is empty`] } });
  }
  if (options.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    const message = `${filename} is larger than ${formatBytes(MAX_ATTACHMENT_BYTES)}, the limit for one file`;
    throw new AppError("validation_error", `${message}.`, { fields: { [field]: [message] } });
  }
  const ticket = await tx.ticket.findFirst({
    where: { ...inWorkspace(ctx), id: options.ticketId },
    select: { id: true, number: true },
  });
  if (!ticket) throw notFound("Ticket");
  if (options.messageId) {
    // Serialises concurrent uploads to one message, so the count below holds.
    const message = await tx.message.findFirst({
      where: { ...inWorkspace(ctx), id: options.messageId, ticketId: ticket.id },
      select: { id: true },
    });
    if (!message) throw notFound(`Message ${options.messageId} of ticket #${ticket.number}`);
    await tx.$executeRaw`SELECT 1 FROM "Message" WHERE id = ${message.id} FOR UPDATE`;
    const count = await tx.attachment.count({ where: { ...inWorkspace(ctx), messageId: message.id } });
    if (count >= MAX_ATTACHMENTS_PER_MESSAGE) {
      const text = `a message has at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments`;
      throw new AppError("limit_reached", `${text.charAt(0).toUpperCase()}${text.slice(1)}.`, {
        fields: { [field]: [text] },
      });
    }
  }
  const bytes = options.bytes;
  const contentType = contentTypeOf(bytes, options.contentTypeHint);
  const storageKey = storageKeyFor(ctx, ticket.id);
  await getStorage().put(storageKey, bytes, { contentType });
  options.storedKeys?.push(storageKey);
  const attachment = await tx.attachment.create({
    data: {
      workspaceId: ctx.workspaceId,
      ticketId: ticket.id,
      messageId: options.messageId ?? null,
      uploaderUserId: ctx.userId,
      uploaderContactId: options.uploaderContactId ?? null,
      filename,
      contentType,
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
      via: ctx.via,
    },
    select: ATTACHMENT_SELECT,
  });
  await recordActivity(tx, ctx, {
    ticketId: ticket.id,
    action: "attachment_added",
    changes: {
      attachment_id: attachment.id,
      filename,
      content_type: contentType,
      size: attachment.size,
      ...(attachment.messageId ? { message_id: attachment.messageId } : {}),
    },
  });
  return attachment;
}

/**
 * Removes files whose rows never committed (the transaction that stored them failed). Best effort:
 * a file left behind is unreachable, since only a row leads to it.
 */
export async function removeStoredFiles(keys: readonly string[]): Promise<void> {
  const storage = getStorage();
  await Promise.all(keys.map((key) => storage.delete(key).catch(() => undefined)));
}

/** Runs a transaction that stores files, removing the stored files again if it fails. */
export async function withStoredFiles<T>(run: (storedKeys: string[]) => Promise<T>): Promise<T> {
  const storedKeys: string[] = [];
  try {
    return await run(storedKeys);
  } catch (error) {
    await removeStoredFiles(storedKeys);
    throw error;
  }
}
