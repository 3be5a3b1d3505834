import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { storeAttachment, withStoredFiles } from "@/lib/services/attachments/store-attachment";
import { safeFilename } from "@/lib/services/attachments/sniff";
import { addInternalNote } from "@/lib/services/tickets/add-internal-note";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import {
  formatBytes,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_MESSAGE_ATTACHMENT_BYTES,
} from "@/lib/validations/attachments";
import type { TicketStatus } from "@/lib/generated/prisma/enums";
import { replyAndSetStatus } from "@/lib/services/tickets/reply-and-set-status";
import type { ReplyInput } from "@/lib/validations/tickets";

export type UploadedFile = { filename: string; bytes: Uint8Array; contentTypeHint?: string | null };

export type PostMessageOptions = {
  kind: "reply" | "note";
  input: ReplyInput;
  files: UploadedFile[];
  /** For a reply: the status to set after it, in the same change ("Send and set resolved"). */
  then?: TicketStatus;
};

function filesError(message: string): AppError {
  return new AppError("validation_error", `${message}.`, { fields: { files: [message] } });
}

/** Refuses a batch over the count, per-file or total limit before anything is written. */
function checkFiles(files: UploadedFile[]) {
  if (files.length > MAX_ATTACHMENTS_PER_MESSAGE)
    throw filesError(`attach at most ${MAX_ATTACHMENTS_PER_MESSAGE} files to one message (you chose ${files.length})`);
  for (const file of files) {
    if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES)
      throw filesError(
        `${safeFilename(file.filename)} is larger than ${formatBytes(MAX_ATTACHMENT_BYTES)}, the limit for one file`,
      );
  }
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (total > MAX_MESSAGE_ATTACHMENT_BYTES)
    throw filesError(
      `the files come to ${formatBytes(total)}; one message carries at most ${formatBytes(MAX_MESSAGE_ATTACHMENT_BYTES)}`,
    );
}

/**
 * A reply or an internal note from the composer with its files, as one change: the message and
 * every attachment are written together, or nothing is.
 */
export async function postMessageWithAttachments(ctx: ActorContext, options: PostMessageOptions) {
  checkFiles(options.files);
  const post = (tx: Parameters<typeof replyToTicket>[2]) =>
    options.kind === "note"
      ? addInternalNote(ctx, options.input, tx)
      : options.then
        ? replyAndSetStatus(ctx, { ...options.input, status: options.then }, tx)
        : replyToTicket(ctx, options.input, tx);
  if (!options.files.length) return post(undefined);
  return withStoredFiles((storedKeys) =>
    prisma.$transaction(
      async (tx) => {
        const result = await post(tx);
        // A reply past the reopen window lands on the follow-up ticket: the files go with the message.
        const message = await tx.message.findUniqueOrThrow({
          where: { id: result.message_id },
          select: { ticketId: true },
        });
        for (const file of options.files) {
          await storeAttachment(tx, ctx, {
            ticketId: message.ticketId,
            messageId: result.message_id,
            filename: file.filename,
            bytes: file.bytes,
            contentTypeHint: file.contentTypeHint,
            field: "files",
            storedKeys,
          });
        }
        return result;
      },
      // Files go to storage inside the transaction; leave them time beyond the default 5 s.
      { timeout: 60_000, maxWait: 10_000 },
    ),
  );
}
