import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { generateToken, hashToken, maskToken, tokenDisplay } from "@/lib/credentials/token-format";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { credentialPolicy } from "@/lib/services/governance/credential-policy";
import {
  CreatePersonalTokenSchema,
  MAX_PERSONAL_TOKENS,
  PERSONAL_TOKEN_LIFETIME_DAYS,
  type CreatePersonalTokenInput,
} from "@/lib/validations/credentials";

/**
 * A personal MCP token for the acting agent: all scopes, the agent's role
 * applies, expires two years after creation (or at the owners' lifetime cap), at most ten active
 * per user.
 */
export async function createPersonalToken(ctx: ActorContext, input: CreatePersonalTokenInput = {}) {
  const data = parseInput(CreatePersonalTokenSchema, input);
  const userId = ctx.userId;
  if (!userId) throw new AppError("user_required", "Personal tokens belong to an agent.");
  const secret = generateToken("personal_token");
  const { prefix, lastFour } = tokenDisplay(secret);
  const now = new Date();
  const policy = await credentialPolicy(ctx.workspaceId, "personal_token");
  const lifetime = new Date(now.getTime() + PERSONAL_TOKEN_LIFETIME_DAYS * 86_400_000);
  // The owners' lifetime cap shortens a token's two years.
  const expiresAt = policy.latestExpiry && policy.latestExpiry < lifetime ? policy.latestExpiry : lifetime;
  const token = await prisma.$transaction(async (tx) => {
    // Serialise this user's token creation so two parallel requests cannot both take the tenth slot.
    // Schema-qualified like Prisma's own queries, so a session's search_path cannot redirect it.
    await tx.$queryRaw`SELECT id FROM "public"."User" WHERE id = ${userId} FOR UPDATE`;
    const active = await tx.credential.count({
      where: { ...inWorkspace(ctx), userId, kind: "personal_token", revokedAt: null, expiresAt: { gt: now } },
    });
    if (active >= MAX_PERSONAL_TOKENS) {
      throw new AppError(
        "limit_reached",
        `You already have ${MAX_PERSONAL_TOKENS} active tokens, the most allowed. Revoke one you no longer use, then generate a new one.`,
      );
    }
    return tx.credential.create({
      data: {
        ...inWorkspace(ctx),
        kind: "personal_token",
        binding: "user",
        name: data.name ?? `Token ${now.toISOString().slice(0, 10)}`,
        secretHash: hashToken(secret),
        prefix,
        lastFour,
        scopes: ["mcp:read", "mcp:write"],
        userId,
        createdById: userId,
        expiresAt,
      },
      select: { id: true, name: true, createdAt: true, expiresAt: true },
    });
  });
  await recordAudit(ctx, { action: "personal_token.create", details: { credential_id: token.id } });
  return {
    id: token.id,
    name: token.name,
    secret,
    masked: maskToken(prefix, lastFour),
    created_at: token.createdAt.toISOString(),
    expires_at: token.expiresAt!.toISOString(),
  };
}
