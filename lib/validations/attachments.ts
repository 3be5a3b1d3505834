import { z } from "zod";
import { IdSchema, TicketNumberSchema } from "@/lib/validations/common";

// Limits on attachments, shared by the composer (it checks before sending), the server action,
// the MCP tools and the service that stores every file.

const MB = 1024 * 1024;
/** One file, from any source. */
export const MAX_ATTACHMENT_BYTES = 10 * MB;
/** One file sent base64-encoded inside an MCP call (add_attachment), decoded. */
export const MAX_BASE64_ATTACHMENT_BYTES = 5 * MB;
/** Files under one message. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
/** All files of one message together (the composer's upload). */
export const MAX_MESSAGE_ATTACHMENT_BYTES = 25 * MB;
/** Text files at most this long come inline with get_attachment. */
export const INLINE_TEXT_BYTES = 32 * 1024;
export const MAX_FILENAME_CHARS = 255;

/** "10 MB", "512 KB", "42 bytes", for messages people read. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** The bytes base64 text decodes to, from its length alone. */
export function base64DecodedLength(text: string): number {
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

// Character classes only (no repeated groups), so megabytes of text are checked in linear time.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Standard or URL-safe base64 whose length fits: padded to a multiple of 4, or unpadded and not 1 over. */
function isBase64(text: string): boolean {
  if (!BASE64.test(text) && !BASE64URL.test(text)) return false;
  return text.endsWith("=") ? text.length % 4 === 0 : text.length % 4 !== 1;
}

export const FilenameSchema = z
  .string({ error: "filename must be a file name like report.pdf" })
  .trim()
  .min(1, "filename is required")
  .max(MAX_FILENAME_CHARS, `filename is at most ${MAX_FILENAME_CHARS} characters`);

/** Base64 (standard or URL-safe, line breaks allowed) of at most MAX_BASE64_ATTACHMENT_BYTES, as text. */
export const Base64ContentSchema = z
  .string({ error: "content_base64 must be the file's bytes as base64 text" })
  .transform((value) => value.replace(/\s+/g, ""))
  .superRefine((value, ctx) => {
    if (!value) {
      ctx.addIssue({ code: "custom", message: "content_base64 is empty: send the file's bytes as base64" });
      return;
    }
    if (!isBase64(value)) {
      ctx.addIssue({
        code: "custom",
        message: "content_base64 is not valid base64 (A–Z, a–z, 0–9, + and / or - and _, with = padding)",
      });
      return;
    }
    const size = base64DecodedLength(value);
    if (size > MAX_BASE64_ATTACHMENT_BYTES) {
      ctx.addIssue({
        code: "custom",
        message: `content_base64 decodes to ${size.toLocaleString("en-US")} bytes, over add_attachment's limit of ${formatBytes(MAX_BASE64_ATTACHMENT_BYTES)}`,
      });
    }
  });

export const AddAttachmentSchema = z.object({
  ticket: TicketNumberSchema,
  filename: FilenameSchema,
  content_base64: Base64ContentSchema,
  /** A message of the same ticket the file belongs under; without it the file is on the ticket itself. */
  message_id: IdSchema.optional(),
});
export type AddAttachmentInput = z.input<typeof AddAttachmentSchema>;

export const AttachmentRefSchema = z.object({ id: IdSchema });
export type AttachmentRefInput = z.input<typeof AttachmentRefSchema>;

export const ListTicketAttachmentsSchema = z.object({ ticket: TicketNumberSchema });
export type ListTicketAttachmentsInput = z.input<typeof ListTicketAttachmentsSchema>;
