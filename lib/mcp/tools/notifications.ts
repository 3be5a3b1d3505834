import { z } from "zod";
import { defineTool, IDEMPOTENT_WRITE, READ } from "@/lib/mcp/tool";
import { Ref } from "@/lib/mcp/tools/shapes";
import { listNotifications } from "@/lib/services/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/services/notifications/mark-notifications-read";
import {
  ListNotificationsSchema,
  MarkNotificationsReadSchema,
  NOTIFICATION_TYPES,
} from "@/lib/validations/notifications";

const NotificationShape = z.object({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  title: z.string(),
  body: z.string().nullable(),
  ticket: z.object({ number: z.number().int(), subject: z.string() }).nullable(),
  actor: Ref.nullable(),
  read: z.boolean(),
  read_at: z.string().nullable(),
  created_at: z.string(),
});

export const NOTIFICATION_TOOLS = [
  defineTool({
    name: "list_notifications",
    title: "List my notifications",
    description:
      "Your notifications in this workspace, newest first (assigned to you, mentions in notes, customer replies on your tickets, SLA due soon, automation notices), with the unread count. unread: true lists only unread ones.",
    input: ListNotificationsSchema,
    output: z.object({ items: z.array(NotificationShape), unread_count: z.number().int() }),
    scopes: ["notifications:read"],
    role: "agent",
    needsUser: true,
    annotations: READ,
    handler: (ctx, input) => listNotifications(ctx, input),
  }),
  defineTool({
    name: "mark_notifications_read",
    title: "Mark notifications read",
    description:
      "Mark your notifications read: ids from list_notifications, or all: true. Returns how many changed and the unread count left.",
    input: MarkNotificationsReadSchema,
    output: z.object({ marked: z.number().int(), unread_count: z.number().int() }),
    scopes: ["notifications:write"],
    role: "agent",
    needsUser: true,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => markNotificationsRead(ctx, input),
  }),
];
