import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

const DAY_MS = 86_400_000;

/**
 * What the owners allow for a new key or token: refuses a kind they turned off, and returns the
 * latest expiry the lifetime cap allows from now (null: no cap).
 */
export async function credentialPolicy(
  workspaceId: string,
  kind: "workspace_key" | "personal_token",
): Promise<{ latestExpiry: Date | null; maxDays: number | null }> {
  const governance = await prisma.mcpGovernance.findUnique({
    where: { workspaceId },
    select: { apiKeysEnabled: true, personalTokensEnabled: true, maxCredentialLifetimeDays: true },
  });
  if (governance && !(kind === "workspace_key" ? governance.apiKeysEnabled : governance.personalTokensEnabled)) {
    throw new AppError(
      "credential_kind_disabled",
      `This workspace's owners turned ${kind === "workspace_key" ? "API keys" : "personal tokens"} off (Settings → MCP governance).`,
    );
  }
  const maxDays = governance?.maxCredentialLifetimeDays ?? null;
  return { maxDays, latestExpiry: maxDays ? new Date(Date.now() + maxDays * DAY_MS) : null };
}
