import { z } from "zod";
import { defineTool, IDEMPOTENT_WRITE, READ } from "@/lib/mcp/tool";
import { pageOf } from "@/lib/mcp/tools/shapes";
import { getEmailChannel } from "@/lib/services/email/email-channel";
import { getEmailMessage, listEmailThreads } from "@/lib/services/email/list-email-threads";
import { updateEmailChannel } from "@/lib/services/email/update-email-channel";
import { GetEmailMessageSchema, ListEmailThreadsSchema, UpdateEmailChannelSchema } from "@/lib/validations/email";

const EmailHeadersShape = z.object({
  id: z.string(),
  ticket: z.number().int().nullable().describe("null for automated mail that opened no ticket"),
  direction: z.enum(["inbound", "outbound"]),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  message_id: z.string().describe("The Message-ID header, without angle brackets."),
  in_reply_to: z.string().nullable(),
  references: z.array(z.string()),
  date: z.string(),
  automated: z
    .string()
    .nullable()
    .describe('Why the mail was treated as automated ("auto_submitted", "auto_reply", "bulk"), else null.'),
  spam: z.boolean(),
  ticket_message_id: z.string().nullable().describe("The ticket message the mail became or was sent from."),
});

const ChannelShape = z.object({
  enabled: z.boolean(),
  sender_name: z.string().nullable(),
  sender_address: z.string().nullable(),
  from: z.object({ name: z.string(), address: z.string() }).describe("What replies go out with (defaults filled in)."),
  inbound_address: z.string(),
  reply_address_format: z.string(),
  inbound_smtp: z.string().nullable().describe("host:port of the inbound SMTP receiver, null when off"),
  mailgun_inbound: z.boolean(),
  dkim: z.boolean(),
});

export const EMAIL_TOOLS = [
  defineTool({
    name: "list_email_threads",
    title: "List email threads",
    description:
      "Mail in and out with its headers (from, to, cc, subject, Message-ID, In-Reply-To, References, date, direction): one ticket's thread oldest first when ticket is given, else the workspace's most recent mail newest first. Paged: pass next_cursor back as cursor. get_email_message reads one mail's text.",
    input: ListEmailThreadsSchema,
    output: pageOf(EmailHeadersShape),
    scopes: ["email:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => listEmailThreads(ctx, input),
  }),
  defineTool({
    name: "get_email_message",
    title: "Get email message",
    description:
      "One mail (an id from list_email_threads) with its headers, its full text as received or sent (before quotes were trimmed) and its HTML, each cut at 20,000 characters.",
    input: GetEmailMessageSchema,
    output: EmailHeadersShape.extend({
      text: z.string(),
      html: z.string().nullable(),
      truncated: z.boolean(),
      raw_bytes: z.number().int().nullable().describe("Size of the kept raw MIME of inbound mail."),
    }),
    scopes: ["email:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => getEmailMessage(ctx, input),
  }),
  defineTool({
    name: "get_email_channel",
    title: "Get email channel",
    description:
      "The workspace's email channel: whether it is on, its inbound address (mail sent there opens tickets), the sender name and address replies go out with, and whether inbound SMTP, Mailgun inbound and DKIM signing are set up.",
    input: z.strictObject({}),
    output: ChannelShape,
    scopes: ["channels:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx) => getEmailChannel(ctx),
  }),
  defineTool({
    name: "update_email_channel",
    title: "Update email channel",
    description:
      "Turn the email channel on or off (off: mail to the inbound address is refused and replies are not mailed) and set the sender name and address replies go out with; an empty value goes back to the default (the workspace's name, its inbound address). Admins only.",
    input: UpdateEmailChannelSchema,
    output: ChannelShape.extend({ changed: z.boolean() }),
    scopes: ["channels:write"],
    role: "admin",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateEmailChannel(ctx, input),
  }),
];
