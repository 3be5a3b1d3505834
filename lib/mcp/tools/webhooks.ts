import { z } from "zod";
import { DESTRUCTIVE, defineTool, IDEMPOTENT_WRITE, READ, SENDING_WRITE, WRITE } from "@/lib/mcp/tool";
import { pageOf, Ref } from "@/lib/mcp/tools/shapes";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/services/webhooks/delete-webhook";
import { listWebhookDeliveries } from "@/lib/services/webhooks/list-webhook-deliveries";
import { listWebhooks } from "@/lib/services/webhooks/list-webhooks";
import { redeliverWebhook } from "@/lib/services/webhooks/redeliver-webhook";
import { rotateWebhookSecret } from "@/lib/services/webhooks/rotate-webhook-secret";
import { updateWebhook } from "@/lib/services/webhooks/update-webhook";
import {
  CreateWebhookSchema,
  ListWebhookDeliveriesSchema,
  RedeliverWebhookSchema,
  RotateWebhookSecretSchema,
  UpdateWebhookSchema,
  WEBHOOK_EVENT_TYPES,
  WebhookRefSchema,
} from "@/lib/validations/webhooks";

const WebhookShape = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  disabled_reason: z.string().nullable().describe("Why it is off (by an admin, or after a run of failures)."),
  disabled_at: z.string().nullable(),
  consecutive_failures: z.number().int().describe("Failed attempts in a row; a 2xx answer resets it."),
  rotation_overlap_until: z
    .string()
    .nullable()
    .describe("During a rotation's overlap, deliveries are signed with the old secret too until then."),
  created_by: Ref.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

const WithSecret = WebhookShape.extend({
  secret: z.string().describe("The whsec_ signing secret: shown only in this answer, store it now."),
});

const DeliveryShape = z.object({
  id: z.string(),
  event_id: z.string().describe("The webhook-id header: the same on every attempt of one event."),
  event_type: z.string(),
  attempt: z.number().int(),
  success: z.boolean(),
  response_status: z.number().int().nullable().describe("Null when no HTTP answer came."),
  response_body: z.string().nullable().describe("The answer's first 2,000 characters."),
  duration_ms: z.number().int(),
  error: z.string().nullable(),
  created_at: z.string(),
  request: z.object({ headers: z.record(z.string(), z.string()), body: z.string() }),
});

const EVENTS = WEBHOOK_EVENT_TYPES.join(", ");

export const WEBHOOK_TOOLS = [
  defineTool({
    name: "list_webhooks",
    title: "List webhooks",
    description:
      "The workspace's webhook endpoints: URL, subscribed events, enabled or why disabled, consecutive failures, rotation overlap and the latest delivery. Never the secrets.",
    input: z.object({}),
    output: z.object({
      items: z.array(
        WebhookShape.extend({
          last_delivery: z
            .object({ success: z.boolean(), response_status: z.number().int().nullable(), at: z.string() })
            .nullable(),
        }),
      ),
    }),
    scopes: ["webhooks:read"],
    role: "admin",
    needsUser: false,
    annotations: READ,
    handler: async (ctx) => ({ items: await listWebhooks(ctx) }),
  }),
  defineTool({
    name: "create_webhook",
    title: "Create webhook",
    description: `Add an endpoint that receives events as signed POSTs (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature). events: any of ${EVENTS}. Returns the whsec_ signing secret once. The URL must be https on a public address unless the operator allows private targets.`,
    input: CreateWebhookSchema,
    output: WithSecret,
    scopes: ["webhooks:write"],
    role: "admin",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => createWebhook(ctx, input),
  }),
  defineTool({
    name: "update_webhook",
    title: "Update webhook",
    description:
      "Change an endpoint's url, events (replaced as a whole), description or enabled; fields left out keep their value. Turning it on again resets its failure count.",
    input: UpdateWebhookSchema,
    output: WebhookShape,
    scopes: ["webhooks:write"],
    role: "admin",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateWebhook(ctx, input),
  }),
  defineTool({
    name: "rotate_webhook_secret",
    title: "Rotate webhook secret",
    description:
      "Issue a new signing secret, returned once. For overlap_hours (default 24, 0–168) deliveries carry signatures under both the new and the old secret, so the receiver can switch without dropping events.",
    input: RotateWebhookSecretSchema,
    output: WithSecret,
    scopes: ["webhooks:write"],
    role: "admin",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => rotateWebhookSecret(ctx, input),
  }),
  defineTool({
    name: "delete_webhook",
    title: "Delete webhook",
    description: "Delete an endpoint and its delivery log. Queued deliveries to it are dropped.",
    input: WebhookRefSchema,
    output: z.object({ id: z.string(), url: z.string(), deleted: z.boolean() }),
    scopes: ["webhooks:write"],
    role: "admin",
    needsUser: false,
    annotations: DESTRUCTIVE,
    handler: (ctx, input) => deleteWebhook(ctx, input),
  }),
  defineTool({
    name: "list_webhook_deliveries",
    title: "List webhook deliveries",
    description:
      "An endpoint's delivery attempts, newest first: event, attempt number, request headers and body, response status and excerpt, duration, error. Paged: pass next_cursor back as cursor.",
    input: ListWebhookDeliveriesSchema,
    output: pageOf(DeliveryShape),
    scopes: ["webhooks:read"],
    role: "admin",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => listWebhookDeliveries(ctx, input),
  }),
  defineTool({
    name: "redeliver_webhook",
    title: "Send webhook again",
    description:
      "Queue a logged delivery's event (by delivery id) to its endpoint again: same webhook-id and body, fresh signature; the attempt appears in list_webhook_deliveries once sent. The endpoint must be enabled.",
    input: RedeliverWebhookSchema,
    output: z.object({ queued: z.boolean(), webhook: z.string(), event_id: z.string(), event_type: z.string() }),
    scopes: ["webhooks:write"],
    role: "admin",
    needsUser: false,
    annotations: SENDING_WRITE,
    sends: "webhook",
    handler: (ctx, input) => redeliverWebhook(ctx, input),
  }),
];
