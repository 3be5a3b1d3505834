import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";

export type McpGovernance = {
  mcpEnabled: boolean;
  apiKeysEnabled: boolean;
  personalTokensEnabled: boolean;
  oauthEnabled: boolean;
  maxCredentialLifetimeDays: number | null;
  clientAllowListEnabled: boolean;
  allowedClientUrls: string[];
  allowedClientNames: string[];
  allowedRedirectDomains: string[];
};

/** A workspace with no governance row: everything on, no lifetime cap, no allow-list. */
export const DEFAULT_GOVERNANCE: McpGovernance = {
  mcpEnabled: true,
  apiKeysEnabled: true,
  personalTokensEnabled: true,
  oauthEnabled: true,
  maxCredentialLifetimeDays: null,
  clientAllowListEnabled: false,
  allowedClientUrls: [],
  allowedClientNames: [],
  allowedRedirectDomains: [],
};

export const GOVERNANCE_SELECT = {
  mcpEnabled: true,
  apiKeysEnabled: true,
  personalTokensEnabled: true,
  oauthEnabled: true,
  maxCredentialLifetimeDays: true,
  clientAllowListEnabled: true,
  allowedClientUrls: true,
  allowedClientNames: true,
  allowedRedirectDomains: true,
} as const;

/** The workspace's MCP governance, or the defaults. */
export async function getMcpGovernance(ctx: Pick<ActorContext, "workspaceId">): Promise<McpGovernance> {
  const row = await prisma.mcpGovernance.findUnique({
    where: { workspaceId: ctx.workspaceId },
    select: GOVERNANCE_SELECT,
  });
  return row ?? DEFAULT_GOVERNANCE;
}
