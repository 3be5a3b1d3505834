import { z } from "zod";
import { AgentStatus } from "@/lib/generated/prisma/enums";
import { enumValues } from "@/lib/validations/common";

export const AGENT_STATUSES = enumValues(AgentStatus);

/** An agent sets their own status (the header menu, set_my_status). */
export const SetMyStatusSchema = z
  .object({
    status: z.enum(AGENT_STATUSES, { error: "status must be online, away or offline" }),
  })
  .strict();
export type SetMyStatusInput = z.input<typeof SetMyStatusSchema>;

/** Filters the status list; no filter lists every active member. */
export const ListAgentStatusesSchema = z
  .object({
    status: z.enum(AGENT_STATUSES, { error: "status must be online, away or offline" }).optional(),
    team: z.string().min(1, "team must be a team id").optional(),
  })
  .strict();
export type ListAgentStatusesInput = z.input<typeof ListAgentStatusesSchema>;

/** Turns round-robin auto-assignment on or off (the settings page; admins and owners). */
export const RoundRobinSchema = z.object({
  round_robin: z.preprocess(
    (v) => (v === "on" || v === "true" ? true : v === "off" || v === "false" ? false : v),
    z.boolean({ error: "round_robin must be true or false" }),
  ),
});
export type RoundRobinInput = z.input<typeof RoundRobinSchema>;
