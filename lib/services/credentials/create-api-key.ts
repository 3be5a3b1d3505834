import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { normalizeScopes, scopeAllows, UMBRELLA_SCOPES, type Scope } from "@/lib/auth/scopes";
import { roleAtLeast } from "@/lib/auth/roles";
import { normalizeToolsets } from "@/lib/auth/toolsets";
import { generateToken, hashToken, maskToken, tokenDisplay } from "@/lib/credentials/token-format";
import { AppError, parseInput } from "@/lib/errors";
import { liveGrantExpiry } from "@/lib/oauth/store";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { credentialPolicy } from "@/lib/services/governance/credential-policy";
import { CreateApiKeySchema, type CreateApiKeyInput } from "@/lib/validations/credentials";

const HOUR_MS = 3_600_000;

/**
 * Creates a workspace API key (admins and owners). The secret is returned once
 * and only its SHA-256 hash is stored. A user-level key acts as its creator.
 *
 * A key minted with a credential (an MCP call) never outgrows it: its scopes
 * are a subset of the caller's, it expires no later than the caller does, and it
 * remembers its parent so revoking the parent (or the OAuth grant, or the
 * user's access) revokes it too. A signed-in admin in the web app, and the
 * operator's CLI, choose freely.
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
  const parent = ctx.credential;
  const scopes = normalizeScopes(data.scopes ?? (parent ? (ctx.scopes ?? []) : UMBRELLA_SCOPES));
  // A drafts-only credential mints drafts-only keys: a key it creates is never looser than itself.
  const draftsOnly = Boolean(data.drafts_only) || Boolean(parent?.draftsOnly);
  const toolsets = narrowToolsets(data.toolsets, parent ? (ctx.toolsets ?? []) : []);
  const confirmDestructive = keepConfirmation(data.confirm_destructive, Boolean(parent && ctx.confirmDestructive));
  let expiresAt = data.expiry_hours ? new Date(Date.now() + data.expiry_hours * HOUR_MS) : null;
  const policy = await credentialPolicy(ctx.workspaceId, "workspace_key");
  if (policy.latestExpiry && policy.maxDays && (!expiresAt || expiresAt > policy.latestExpiry)) {
    const most = policy.maxDays * 24;
    throw new AppError(
      "validation_error",
      `expiry_hours: this workspace's keys live at most ${policy.maxDays} days; ask for at most ${most} hours.`,
      { fields: { expiry_hours: [expiresAt ? `must be at most ${most}` : `is required: at most ${most}`] } },
    );
  }
  if (parent) {
    refuseWiderScopes(scopes, ctx.scopes ?? []);
    const bound = await callerExpiry(ctx, parent);
    if (bound) {
      if (expiresAt && expiresAt > bound) {
        const most = Math.floor((bound.getTime() - Date.now()) / HOUR_MS);
        throw new AppError(
          "validation_error",
          `expiry_hours: a key cannot outlive the credential that creates it, which expires at ${bound.toISOString()}; ask for at most ${Math.max(most, 0)} hours, or leave it out to expire with it.`,
          { fields: { expiry_hours: [`must be at most ${Math.max(most, 0)}`] } },
        );
      }
      expiresAt ??= bound;
    }
  }
  const secret = generateToken("workspace_key");
  const { prefix, lastFour } = tokenDisplay(secret);
  const key = await prisma.credential.create({
    data: {
      ...inWorkspace(ctx),
      kind: "workspace_key",
      binding: data.org_level ? "org" : "user",
      name: data.name,
      secretHash: hashToken(secret),
      prefix,
      lastFour,
      scopes,
      toolsets,
      draftsOnly,
      confirmDestructive,
      ipAllowList: data.ip_allow_list ?? [],
      userId: data.org_level ? null : ctx.userId,
      createdById: ctx.userId,
      expiresAt,
      parentCredentialId: parent && parent.kind !== "oauth" ? parent.id : null,
      parentGrantId: parent?.kind === "oauth" ? parent.id : null,
    },
    select: {
      id: true,
      name: true,
      binding: true,
      scopes: true,
      toolsets: true,
      draftsOnly: true,
      confirmDestructive: true,
      ipAllowList: true,
      createdAt: true,
      expiresAt: true,
    },
  });
  await recordAudit(ctx, {
    action: "api_key.create",
    details: {
      credential_id: key.id,
      name: key.name,
      binding: key.binding,
      scopes: key.scopes,
      ...(key.toolsets.length ? { toolsets: key.toolsets } : {}),
      ...(key.draftsOnly ? { drafts_only: true } : {}),
      ...(key.confirmDestructive ? { confirm_destructive: true } : {}),
      ...(key.ipAllowList.length ? { ip_allow_list: key.ipAllowList } : {}),
      ...(parent ? { created_by_credential: parent.id, created_by_kind: parent.kind } : {}),
    },
  });
  return {
    id: key.id,
    name: key.name,
    secret,
    masked: maskToken(prefix, lastFour),
    org_level: key.binding === "org",
    scopes: key.scopes,
    toolsets: key.toolsets.length ? key.toolsets : null,
    drafts_only: key.draftsOnly,
    confirm_destructive: key.confirmDestructive,
    ip_allow_list: key.ipAllowList.length ? key.ipAllowList : null,
    created_at: key.createdAt.toISOString(),
    expires_at: key.expiresAt?.toISOString() ?? null,
  };
}

/** A credential that confirms destructive actions mints only keys that confirm them too. */
function keepConfirmation(asked: boolean | undefined, inherited: boolean): boolean {
  if (inherited && asked === false)
    throw new AppError(
      "validation_error",
      "confirm_destructive: this connection confirms destructive actions, so a key it creates confirms them too; leave confirm_destructive out or set it to true.",
      { fields: { confirm_destructive: ["must be true for a key created by a connection that confirms"] } },
    );
  return asked ?? inherited;
}

/** Every asked scope must be within what the caller holds; an umbrella only from an umbrella. */
function refuseWiderScopes(asked: readonly Scope[], held: readonly string[]) {
  const missing = asked.filter((scope) =>
    (UMBRELLA_SCOPES as readonly string[]).includes(scope) ? !held.includes(scope) : !scopeAllows(held, scope),
  );
  if (missing.length) {
    throw new AppError(
      "insufficient_scope",
      `A key created with this credential can carry only scopes the credential has; it lacks ${missing.join(", ")}. Ask for fewer scopes, or create the key in Settings → API Access.`,
      { details: { required_scope: missing.join(" ") } },
    );
  }
}

/**
 * The toolsets the new key is limited to. A credential limited to toolsets mints keys within them (the
 * same ones when none are asked for); an unlimited caller, the web app and the CLI choose freely.
 */
function narrowToolsets(asked: readonly string[] | undefined, held: readonly string[]): string[] {
  if (held.length === 0) return normalizeToolsets(asked ?? []);
  if (!asked?.length) return normalizeToolsets(held);
  const outside = asked.filter((toolset) => !held.includes(toolset));
  if (outside.length) {
    throw new AppError(
      "toolset_not_granted",
      `A key created with this credential stays within its toolsets (${held.join(", ")}); ${outside.join(", ")} is outside them.`,
      { fields: { toolsets: [`must be within ${held.join(", ")}`] } },
    );
  }
  return normalizeToolsets(asked);
}

/**
 * When the calling credential stops: a key's or token's own expiry; for an
 * OAuth grant, its newest refresh token's (the grant dies when that lapses).
 */
async function callerExpiry(ctx: ActorContext, parent: NonNullable<ActorContext["credential"]>): Promise<Date | null> {
  if (parent.kind !== "oauth") return parent.expiresAt ?? null;
  const expiry = await liveGrantExpiry(ctx.workspaceId, parent.id);
  if (!expiry) throw new AppError("unauthorized", "This OAuth connection was revoked.");
  return expiry;
}
