import { z } from "zod";
import { defineTool, IDEMPOTENT_WRITE, READ } from "@/lib/mcp/tool";
import { getMyStatus } from "@/lib/services/agent-status/get-my-status";
import { listAgentStatuses } from "@/lib/services/agent-status/list-agent-statuses";
import { setMyStatus } from "@/lib/services/agent-status/set-my-status";
import { AGENT_STATUSES, ListAgentStatusesSchema, SetMyStatusSchema } from "@/lib/validations/agent-status";

const StatusShape = z.object({ status: z.enum(AGENT_STATUSES), changed_at: z.string().nullable() });

export const AGENT_STATUS_TOOLS = [
  defineTool({
    name: "get_my_status",
    title: "Get my status",
    description: "Your own availability in this workspace: online, away or offline, and when you last changed it.",
    input: z.object({}).strict(),
    output: StatusShape,
    scopes: ["status:read"],
    role: "agent",
    needsUser: true,
    annotations: READ,
    handler: (ctx) => getMyStatus(ctx),
  }),
  defineTool({
    name: "set_my_status",
    title: "Set my status",
    description:
      "Set your own availability: online, away or offline. With round-robin on, only online agents receive new team tickets.",
    input: SetMyStatusSchema,
    output: StatusShape.extend({ changed: z.boolean() }),
    scopes: ["status:write"],
    role: "agent",
    needsUser: true,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => setMyStatus(ctx, input),
  }),
  defineTool({
    name: "list_agent_statuses",
    title: "List agent statuses",
    description:
      "Each active agent's availability (online, away, offline), by name; filter by status and/or team (ids from list_teams) to see who can take work now.",
    input: ListAgentStatusesSchema,
    output: z.object({
      items: z.array(StatusShape.extend({ id: z.string(), name: z.string(), email: z.string(), role: z.string() })),
    }),
    scopes: ["status:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx, input) => ({ items: await listAgentStatuses(ctx, input) }),
  }),
];
