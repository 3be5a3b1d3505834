import type { Role } from "@/lib/generated/prisma/enums";

// owner ⊇ admin ⊇ agent
export const ROLE_RANK: Record<Role, number> = { agent: 1, admin: 2, owner: 3 };

export function roleAtLeast(role: Role | null | undefined, needed: Role): boolean {
  return role != null && ROLE_RANK[role] >= ROLE_RANK[needed];
}

/**
 * Who reads analytics, on the analytics page, its CSV export and through the MCP tools alike:
 * support metrics and the backlog are every agent's; MCP usage by client and tool is for admins.
 */
export const ANALYTICS_ROLE = { support_metrics: "agent", mcp_usage: "admin" } as const satisfies Record<string, Role>;
