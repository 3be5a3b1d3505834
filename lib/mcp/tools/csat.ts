import { z } from "zod";
import { defineTool, IDEMPOTENT_WRITE, READ, SENDING_WRITE } from "@/lib/mcp/tool";
import { pageOf, Ref } from "@/lib/mcp/tools/shapes";
import { getCsat } from "@/lib/services/csat/get-csat";
import { listCsatRatings } from "@/lib/services/csat/list-csat-ratings";
import { sendCsatRequest } from "@/lib/services/csat/send-csat-request";
import { updateCsatSettings } from "@/lib/services/csat/update-csat-settings";
import { CSAT_SCALES, CsatListSchema, CsatSettingsSchema, CsatTicketSchema } from "@/lib/validations/csat";

const RatingShape = z.object({
  scale: z.enum(CSAT_SCALES),
  score: z.number().int().nullable().describe("1–5 on the one_to_five scale; null on good_bad."),
  satisfied: z.boolean().describe("good, or 4–5 out of 5."),
  label: z.string().describe('"good", "bad" or "4/5".'),
  comment: z.string().nullable(),
  rated_at: z.string(),
});

export const CSAT_TOOLS = [
  defineTool({
    name: "get_csat",
    title: "Get ticket CSAT",
    description:
      "A ticket's customer satisfaction: its latest rating (good/bad or 1–5, with the customer's comment) and its rating requests newest first, each with state (awaiting_rating, rated, expired, replaced) and the customer's link while it still takes a rating. A request goes out when the ticket is resolved.",
    input: CsatTicketSchema,
    output: z.object({
      ticket: z.number().int(),
      status: z.string(),
      scale: z.enum(CSAT_SCALES).describe("The workspace's scale for new requests."),
      rating: RatingShape.nullable(),
      requests: z.array(
        z.object({
          id: z.string(),
          state: z.enum(["awaiting_rating", "rated", "expired", "replaced"]),
          link: z.string().nullable().describe("The public rating page, while it takes a rating; else null."),
          issued_at: z.string(),
          expires_at: z.string(),
          agent: Ref.nullable(),
          team: Ref.nullable(),
          rating: RatingShape.nullable(),
        }),
      ),
    }),
    scopes: ["csat:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => getCsat(ctx, input),
  }),
  defineTool({
    name: "list_csat_ratings",
    title: "List CSAT ratings",
    description:
      'Customer ratings, newest first (a changed rating counts from its change), filtered by period_days, agent (user id or "me"), team (id) and score ("good", "bad" on either scale, or an exact "1"–"5"). Paged: pass next_cursor back as cursor.',
    input: CsatListSchema,
    output: pageOf(
      z.object({
        id: z.string(),
        ticket: z.object({ number: z.number().int(), subject: z.string() }),
        rating: RatingShape,
        agent: Ref.nullable(),
        team: Ref.nullable(),
        contact: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }).nullable(),
      }),
    ),
    scopes: ["csat:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => listCsatRatings(ctx, input),
  }),
  defineTool({
    name: "send_csat_request",
    title: "Send CSAT request",
    description:
      "Issue a new rating link for a resolved or closed ticket (e.g. the customer lost the first): returns the link to pass on, valid for 14 days (on an email ticket the contact also gets it by email). The ticket's earlier link stops taking ratings; a rating already given stays.",
    input: CsatTicketSchema,
    output: z.object({ ticket: z.number().int(), link: z.string(), expires_at: z.string() }),
    scopes: ["csat:write"],
    role: "agent",
    needsUser: false,
    annotations: SENDING_WRITE,
    sends: "email",
    handler: (ctx, input) => sendCsatRequest(ctx, input),
  }),
  defineTool({
    name: "update_csat_settings",
    title: "Set CSAT scale",
    description:
      "Admins: choose the scale customers rate on, good_bad or one_to_five. Requests already sent keep their scale.",
    input: CsatSettingsSchema,
    output: z.object({ scale: z.enum(CSAT_SCALES), changed: z.boolean() }),
    scopes: ["csat:write"],
    role: "admin",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateCsatSettings(ctx, input),
  }),
];
