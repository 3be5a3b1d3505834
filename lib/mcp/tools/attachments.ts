import { z } from "zod";
import type { ContentBlock } from "@modelcontextprotocol/server";
import { defineTool, READ, WRITE } from "@/lib/mcp/tool";
import { addAttachment } from "@/lib/services/attachments/add-attachment";
import { getAttachment } from "@/lib/services/attachments/get-attachment";
import { listTicketAttachments } from "@/lib/services/attachments/list-ticket-attachments";
import {
  AddAttachmentSchema,
  AttachmentRefSchema,
  formatBytes,
  INLINE_TEXT_BYTES,
  ListTicketAttachmentsSchema,
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_BASE64_ATTACHMENT_BYTES,
} from "@/lib/validations/attachments";

const AttachmentShape = z.object({
  id: z.string(),
  ticket: z.number().int(),
  message_id: z.string().nullable().describe("The message it is attached under; null when on the ticket itself."),
  filename: z.string(),
  content_type: z.string().describe("Sniffed from the file's bytes, not taken from the uploader."),
  size: z.number().int().describe("Bytes."),
  sha256: z.string(),
  inline_preview: z.boolean().describe("A PNG, JPEG, GIF or WebP image, shown inline in the web app."),
  uploaded_by: z.object({ type: z.enum(["agent", "contact"]), id: z.string(), name: z.string() }).nullable(),
  via: z.string(),
  created_at: z.string(),
  download_url: z.string().describe("A signed link that downloads the file until download_url_expires_at."),
  download_url_expires_at: z.string(),
});

/** The signed download link as an MCP resource link, so a client can fetch the file itself. */
function linkTo(a: z.input<typeof AttachmentShape>): ContentBlock {
  return {
    type: "resource_link",
    uri: a.download_url,
    name: a.filename,
    mimeType: a.content_type,
    size: a.size,
    description: `Attachment on ticket #${a.ticket}; the link expires at ${a.download_url_expires_at}.`,
  };
}

export const ATTACHMENT_TOOLS = [
  defineTool({
    name: "add_attachment",
    title: "Attach a file",
    description: `Attach a file to a ticket, or under one of its messages (message_id from list_ticket_messages; at most ${MAX_ATTACHMENTS_PER_MESSAGE} per message). content_base64 is the file's bytes as base64, up to ${formatBytes(MAX_BASE64_ATTACHMENT_BYTES)} decoded. The content type is detected from the bytes. Returns the attachment with a signed download link.`,
    input: AddAttachmentSchema,
    output: AttachmentShape,
    scopes: ["attachments:write"],
    role: "agent",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => addAttachment(ctx, input),
    extraContent: (output) => [linkTo(output)],
  }),
  defineTool({
    name: "get_attachment",
    title: "Get attachment",
    description: `One attachment by id: name, detected type, size, SHA-256, uploader, and a resource link to download it (valid for an hour). Text files up to ${formatBytes(INLINE_TEXT_BYTES)} come inline in text.`,
    input: AttachmentRefSchema,
    output: AttachmentShape.extend({
      text: z
        .string()
        .nullable()
        .describe(`The file's text when it is a text file up to ${formatBytes(INLINE_TEXT_BYTES)}.`),
    }),
    scopes: ["attachments:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => getAttachment(ctx, input),
    extraContent: (output) => [linkTo(output)],
  }),
  defineTool({
    name: "list_ticket_attachments",
    title: "List ticket attachments",
    description:
      "Every file attached to a ticket or its messages, oldest first, each with a signed download link (valid for an hour).",
    input: ListTicketAttachmentsSchema,
    output: z.object({ ticket: z.number().int(), items: z.array(AttachmentShape) }),
    scopes: ["attachments:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => listTicketAttachments(ctx, input),
  }),
];
