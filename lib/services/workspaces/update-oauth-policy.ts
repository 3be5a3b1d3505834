import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { OAuthPolicySchema, type OAuthPolicyInput } from "@/lib/validations/settings";

/** Who may approve OAuth clients for the workspace. Owners only. */
export async function updateOAuthPolicy(ctx: ActorContext, input: OAuthPolicyInput) {
  const { policy } = parseInput(OAuthPolicySchema, input);
  if (ctx.role !== "owner") throw new AppError("owner_required", "Only owners decide who may authorize apps.");
  await prisma.workspace.update({ where: { id: ctx.workspaceId }, data: { oauthAuthorizePolicy: policy } });
  await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, { action: "settings.oauth_policy", details: { policy } });
  return { policy };
}
