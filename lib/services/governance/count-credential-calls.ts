import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";

const DAY_MS = 86_400_000;

/**
 * MCP calls per key or token over the last `days`, from the same per-call audit rows get_mcp_usage
 * reads (tool calls, resource reads, prompts: the rows with a latency). Ids with no call are left out.
 */
export async function countCredentialCalls(
  ctx: ActorContext,
  credentialIds: readonly string[],
  options: { days?: number } = {},
): Promise<Map<string, number>> {
  if (!credentialIds.length) return new Map();
  const since = new Date(Date.now() - (options.days ?? 30) * DAY_MS);
  const rows = await prisma.auditEvent.groupBy({
    by: ["credentialId"],
    where: {
      ...inWorkspace(ctx),
      via: "mcp",
      credentialKind: { in: ["workspace_key", "personal_token"] },
      credentialId: { in: [...credentialIds] },
      latencyMs: { not: null },
      createdAt: { gte: since },
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.credentialId!, r._count._all]));
}
