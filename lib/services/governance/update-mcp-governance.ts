import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { GOVERNANCE_SELECT } from "@/lib/services/governance/get-mcp-governance";
import { McpGovernanceSchema, type McpGovernanceInput } from "@/lib/validations/governance";

/**
 * Saves the owner's MCP governance: the switches, the lifetime cap and the OAuth client allow-list.
 * Every instance stops trusting what it cached for the workspace, so the next request obeys it.
 */
export async function updateMcpGovernance(ctx: ActorContext, input: McpGovernanceInput) {
  const data = parseInput(McpGovernanceSchema, input);
  if (ctx.role !== "owner") throw new AppError("owner_required", "Only owners change MCP governance.");
  const values = {
    mcpEnabled: data.mcp_enabled,
    apiKeysEnabled: data.api_keys_enabled,
    personalTokensEnabled: data.personal_tokens_enabled,
    oauthEnabled: data.oauth_enabled,
    maxCredentialLifetimeDays: data.max_lifetime_days ?? null,
    clientAllowListEnabled: data.client_allow_list_enabled,
    allowedClientUrls: [...new Set(data.allowed_client_urls)],
    allowedClientNames: [...new Set(data.allowed_client_names)],
    allowedRedirectDomains: [...new Set(data.allowed_redirect_domains)],
  };
  const saved = await prisma.mcpGovernance.upsert({
    where: { workspaceId: ctx.workspaceId },
    create: { workspaceId: ctx.workspaceId, ...values },
    update: values,
    select: GOVERNANCE_SELECT,
  });
  await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, { action: "settings.mcp_governance", details: data });
  return saved;
}
