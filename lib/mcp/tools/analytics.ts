import { z } from "zod";
import { ANALYTICS_ROLE } from "@/lib/auth/roles";
import { defineTool, READ } from "@/lib/mcp/tool";
import { pageOf } from "@/lib/mcp/tools/shapes";
import { getBacklog } from "@/lib/services/analytics/get-backlog";
import { getSupportMetrics } from "@/lib/services/analytics/get-support-metrics";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";
import { getMcpUsage } from "@/lib/services/governance/get-mcp-usage";
import { McpUsageQuerySchema } from "@/lib/validations/governance";
import { AuditListSchema, BacklogSchema, SupportMetricsSchema } from "@/lib/validations/analytics";

const UsageFigures = {
  calls: z.number().int(),
  errors: z.number().int(),
  p95_ms: z.number().int().nullable(),
};

const Seconds = z.object({ median: z.number().nullable(), p90: z.number().nullable() });

const Attainment = z.object({
  measured: z.number().int(),
  met: z.number().int(),
  attainment: z.number().nullable(),
});

export const ANALYTICS_TOOLS = [
  defineTool({
    name: "get_support_metrics",
    title: "Support metrics",
    description:
      "For tickets created in the period (the last period_days, default 30; or from/to): volume, resolved count, first-response and resolution time (median and p90, seconds), SLA attainment per target (share of settled targets met), for the whole workspace or grouped by team, agent or day (UTC, every day of the period); csat counts customer ratings given in the period (satisfied: good or 4–5 of 5; percent satisfied) for the agent and team rated. Recomputed about every five minutes; as_of says when.",
    input: SupportMetricsSchema,
    output: z.object({
      as_of: z.string(),
      period_days: z.number().int(),
      since: z.string(),
      until: z.string(),
      group_by: z.string(),
      groups: z.array(
        z.object({
          key: z.string().nullable(),
          label: z.string(),
          volume: z.number().int(),
          resolved: z.number().int(),
          first_response_seconds: Seconds,
          resolution_seconds: Seconds,
          sla: z
            .object({ first_response: Attainment, resolution: Attainment })
            .describe(
              "SLA attainment: of the tickets whose target is met or missed, the share met (0 to 1; null when none).",
            ),
          csat: z
            .object({ ratings: z.number().int(), satisfied: z.number().int(), percent: z.number().int().nullable() })
            .nullable(),
        }),
      ),
    }),
    scopes: ["analytics:read"],
    role: ANALYTICS_ROLE.support_metrics,
    needsUser: false,
    annotations: READ,
    handler: async (ctx, input) => {
      const metrics = await getSupportMetrics(ctx, input);
      // An answer stored before CSAT was counted has no csat until its next refresh.
      return { ...metrics, groups: metrics.groups.map((g) => ({ ...g, csat: g.csat ?? null })) };
    },
  }),
  defineTool({
    name: "get_backlog",
    title: "Backlog",
    description:
      "Unresolved tickets (open and pending) counted by team, assignee, priority or case_status (sub-status), the unassigned count, and the oldest open ticket.",
    input: BacklogSchema,
    output: z.object({
      by: z.string(),
      total: z.object({ open: z.number().int(), pending: z.number().int() }),
      unassigned: z.number().int(),
      groups: z.array(
        z.object({ key: z.string().nullable(), label: z.string(), open: z.number().int(), pending: z.number().int() }),
      ),
      oldest_waiting: z
        .object({ ticket: z.number().int(), subject: z.string(), created_at: z.string(), waiting_hours: z.number() })
        .nullable(),
    }),
    scopes: ["analytics:read"],
    role: ANALYTICS_ROLE.support_metrics,
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => getBacklog(ctx, input),
  }),
  defineTool({
    name: "list_audit_events",
    title: "Audit log",
    description:
      "The workspace's audit trail, newest first: tool calls and security events with actor, credential, outcome and latency. Filter by action (e.g. a tool name), outcome, credential_id, user_id or via. Admins only.",
    input: AuditListSchema,
    output: pageOf(
      z.object({
        id: z.string(),
        action: z.string(),
        outcome: z.string(),
        via: z.string(),
        actor: z.object({ id: z.string(), name: z.string() }).nullable(),
        credential_id: z.string().nullable(),
        credential_kind: z.string().nullable(),
        latency_ms: z.number().nullable(),
        ip: z.string().nullable(),
        details: z.record(z.string(), z.unknown()).nullable(),
        created_at: z.string(),
      }),
    ),
    scopes: ["audit:read"],
    role: "admin",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => listAuditEvents(ctx, input),
  }),
  defineTool({
    name: "get_mcp_usage",
    title: "MCP usage",
    description:
      "MCP calls (tools, resources, prompts) over a period (the last period_days, default 30; or from/to): calls, errors and p95 latency in ms per client (the API key's or token's name, or the OAuth app's) and per tool, most used first, and calls and errors per day (UTC). Admins only.",
    input: McpUsageQuerySchema,
    output: z.object({
      from: z.string(),
      to: z.string(),
      by_client: z.array(
        z.object({
          client: z.string(),
          kind: z.string().describe("workspace_key, personal_token or oauth"),
          ...UsageFigures,
        }),
      ),
      by_tool: z.array(z.object({ tool: z.string(), ...UsageFigures })),
      by_day: z.array(z.object({ day: z.string(), calls: z.number().int(), errors: z.number().int() })),
    }),
    scopes: ["analytics:read"],
    role: ANALYTICS_ROLE.mcp_usage,
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => getMcpUsage(ctx, input),
  }),
];
