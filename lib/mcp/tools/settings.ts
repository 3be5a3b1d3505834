import { z } from "zod";
import { defineTool, IDEMPOTENT_WRITE, READ } from "@/lib/mcp/tool";
import { describeWorkspaceSettings } from "@/lib/services/workspaces/describe-workspace-settings";
import { updateWorkspaceSettings } from "@/lib/services/workspaces/update-workspace-settings";
import { OAUTH_POLICIES, UpdateWorkspaceSettingsSchema } from "@/lib/validations/settings";

const Limits = z.object({
  perSecond: z.number().int(),
  perMinute: z.number().int(),
  perDay: z.number().int(),
  oauthPerMinute: z.number().int(),
});

const SettingsShape = z.object({
  name: z.string(),
  slug: z.string(),
  plan: z.string(),
  oauth_authorize_policy: z.enum(OAUTH_POLICIES),
  round_robin: z.boolean(),
  rate_limits: z.object({
    plan: Limits,
    overrides: Limits.extend({ perMonth: z.number().int() }).partial(),
    in_force: Limits,
    monthly_tool_calls: z
      .object({ per_seat: z.number().int(), seats: z.number().int(), in_force: z.number().int() })
      .describe("The workspace's monthly tool-call budget: per seat by plan, times active seats, or perMonth."),
  }),
  /** Read only through MCP: a client must not be able to switch off the confirmation that guards it. */
  mcp_confirmation: z.object({ confirm_destructive: z.boolean(), bulk_over: z.number().int() }),
});

export const SETTINGS_TOOLS = [
  defineTool({
    name: "get_workspace_settings",
    title: "Get workspace settings",
    description:
      "The workspace's plan, who may authorize OAuth apps, whether round-robin auto-assignment is on, its MCP rate limits (plan, overrides, in force), and whether destructive MCP actions confirm first (changed only in the app's settings).",
    input: z.object({}),
    output: SettingsShape,
    scopes: ["settings:read"],
    role: "admin",
    needsUser: false,
    annotations: READ,
    handler: (ctx) => describeWorkspaceSettings(ctx),
  }),
  defineTool({
    name: "update_workspace_settings",
    title: "Update workspace settings",
    description:
      "Owners: set who may authorize OAuth apps (owners, owners_admins, everyone), replace the rate-limit overrides (null returns to the plan), and/or turn round_robin on or off (new and transferred unassigned team tickets go to the team's online member assigned least recently).",
    input: UpdateWorkspaceSettingsSchema,
    output: SettingsShape.extend({ changed: z.array(z.string()) }),
    scopes: ["settings:write"],
    role: "owner",
    needsUser: true,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateWorkspaceSettings(ctx, input),
  }),
];
