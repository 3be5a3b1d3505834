import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { normalizeScopes } from "@/lib/auth/scopes";
import { roleAtLeast } from "@/lib/auth/roles";
import { generateToken, hashToken, maskToken, tokenDisplay } from "@/lib/credentials/token-format";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { CreateApiKeySchema, type CreateApiKeyInput } from "@/lib/validations/credentials";

/**
 * Creates a workspace API key (admins and owners). The secret is returned once
 * and only its SHA-256 hash is stored. A user-level key acts as its creator.
 */
export async function createApiKey(ctx: ActorContext, input: CreateApiKeyInput) {
  const data = parseInput(CreateApiKeySchema, input);
  if (!roleAtLeast(ctx.role, "admin"))
    throw new AppError("admin_required", "Only admins and owners create workspace API keys.");
  if (!data.org_level && !ctx.userId) {
    throw new AppError(
      "user_required",
      "A user-level key acts as its creator: create it with a user-bound credential.",
    );
  }
  const secret = generateToken("workspace_key");
  const { prefix, lastFour } = tokenDisplay(secret);
  const expiresAt = data.expiry_hours ? new Date(Date.now() + data.expiry_hours * 3_600_000) : null;
  const key = await prisma.credential.create({
    data: {
      ...inWorkspace(ctx),
      kind: "workspace_key",
      binding: data.org_level ? "org" : "user",
      name: data.name,
      secretHash: hashToken(secret),
      prefix,
      lastFour,
      scopes: normalizeScopes(data.scopes),
      userId: data.org_level ? null : ctx.userId,
      createdById: ctx.userId,
      expiresAt,
    },
    select: { id: true, name: true, binding: true, scopes: true, createdAt: true, expiresAt: true },
  });
  await recordAudit(ctx, {
    action: "api_key.create",
    details: { credential_id: key.id, name: key.name, binding: key.binding },
  });
  return {
    id: key.id,
    name: key.name,
    secret,
    masked: maskToken(prefix, lastFour),
    org_level: key.binding === "org",
    scopes: key.scopes,
    created_at: key.createdAt.toISOString(),
    expires_at: key.expiresAt?.toISOString() ?? null,
  };
}
