import { z } from "zod";
import { blankToUndefined, CursorSchema, fromDigits, IdSchema, LimitSchema } from "@/lib/validations/common";

/** The events an endpoint can subscribe to (the domain events a workspace emits). */
export const WEBHOOK_EVENT_TYPES = [
  "ticket.created",
  "ticket.updated",
  "ticket.status_changed",
  "message.created",
  "contact.created",
  "csat.rated",
  "sla.breached",
  "sla.due_soon",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Plain words for each event type, for the form and the docs. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "ticket.created": "A ticket is created",
  "ticket.updated": "Any change to a ticket",
  "ticket.status_changed": "A ticket's status changes",
  "message.created": "A reply, internal note or customer message is added",
  "contact.created": "A contact is created",
  "csat.rated": "A customer rates a resolved ticket",
  "sla.breached": "A ticket breaches its SLA",
  "sla.due_soon": "A ticket's SLA is due soon",
};

export const WebhookUrlSchema = z
  .string({ error: "url is required" })
  .trim()
  .min(1, "url is required")
  .max(2000, "url is at most 2000 characters")
  .refine((v) => URL.canParse(v), "url must be a full URL like https://example.com/webhooks");

const EventsSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `each event must be one of ${WEBHOOK_EVENT_TYPES.join(", ")}` }), {
    error: "events must be a list of event types",
  })
  .min(1, "choose at least one event")
  .transform((events) => [...new Set(events)]);

const DescriptionSchema = z.string().trim().max(200, "description is at most 200 characters");

/** Form checkboxes send "on"/absent; tools send booleans. */
const BooleanField = (field: string) =>
  z.preprocess(
    (v) => (v === "true" || v === "on" ? true : v === "false" ? false : v),
    z.boolean({ error: `${field} must be true or false` }),
  );

export const CreateWebhookSchema = z.strictObject({
  url: WebhookUrlSchema,
  events: EventsSchema,
  description: z.preprocess(blankToUndefined, DescriptionSchema.optional()),
  enabled: BooleanField("enabled").default(true),
});
export type CreateWebhookInput = z.input<typeof CreateWebhookSchema>;

export const WebhookRefSchema = z.strictObject({ webhook: IdSchema });
export type WebhookRefInput = z.input<typeof WebhookRefSchema>;

export const UpdateWebhookSchema = z
  .strictObject({
    webhook: IdSchema,
    url: WebhookUrlSchema.optional(),
    events: EventsSchema.optional(),
    description: DescriptionSchema.optional(),
    enabled: BooleanField("enabled").optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== "webhook"), {
    message: "give at least one of url, events, description, enabled",
  });
export type UpdateWebhookInput = z.input<typeof UpdateWebhookSchema>;

/** At most a week of overlap: long enough to roll a receiver out, short enough that an old secret dies. */
export const MAX_OVERLAP_HOURS = 168;

export const RotateWebhookSecretSchema = z.strictObject({
  webhook: IdSchema,
  /** Hours the old secret keeps signing alongside the new one (0: replaced at once). */
  overlap_hours: z
    .preprocess(
      blankToUndefined,
      fromDigits(
        z
          .number({ error: "overlap_hours must be a number of hours" })
          .int("overlap_hours must be a whole number of hours")
          .min(0, "overlap_hours must be 0 or more")
          .max(MAX_OVERLAP_HOURS, `overlap_hours is at most ${MAX_OVERLAP_HOURS} (a week)`),
      ).optional(),
    )
    .default(24),
});
export type RotateWebhookSecretInput = z.input<typeof RotateWebhookSecretSchema>;

export const ListWebhookDeliveriesSchema = z.strictObject({
  webhook: IdSchema,
  limit: LimitSchema,
  cursor: CursorSchema,
});
export type ListWebhookDeliveriesInput = z.input<typeof ListWebhookDeliveriesSchema>;

export const RedeliverWebhookSchema = z.strictObject({ delivery: IdSchema });
export type RedeliverWebhookInput = z.input<typeof RedeliverWebhookSchema>;
