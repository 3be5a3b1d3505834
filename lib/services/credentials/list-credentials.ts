import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { maskToken } from "@/lib/credentials/token-format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { countCredentialCalls } from "@/lib/services/governance/count-credential-calls";

export type ListCredentialsOptions = {
  kind: "workspace_key" | "personal_token";
  /** Only this user's credentials (their personal tokens, an agent's access page). */
  userId?: string;
  includeRevoked?: boolean;
};

export type CredentialRow = {
  id: string;
  name: string;
  masked: string;
  kind: "workspace_key" | "personal_token";
  org_level: boolean;
  scopes: string[];
  /** The toolsets it is limited to; empty: every toolset. */
  toolsets: string[];
  /** Replies through it are drafts an agent sends. */
  drafts_only: boolean;
  /** Destructive MCP actions through it ask for confirmation. */
  confirm_destructive: boolean;
  user: { id: string; name: string } | null;
  created_by: { id: string; name: string } | null;
  created_at: string;
  last_used_at: string | null;
  last_used_ip: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  status: "active" | "expired" | "revoked";
  /** API keys: the addresses (CIDRs) it is accepted from; empty: any. */
  ip_allow_list: string[];
  /** The secret the last rotation replaced, while it is still accepted. */
  previous_secret: { masked: string; valid_until: string } | null;
  rotated_at: string | null;
  /** MCP calls made with it in the last 30 days. */
  calls_30d: number;
};

/** Keys or tokens of the workspace, newest first; never secrets or hashes. */
export async function listCredentials(ctx: ActorContext, options: ListCredentialsOptions): Promise<CredentialRow[]> {
  const where: Prisma.CredentialWhereInput = {
    ...inWorkspace(ctx),
    kind: options.kind,
    ...(options.userId ? { userId: options.userId } : {}),
    ...(options.includeRevoked ? {} : { revokedAt: null }),
  };
  const rows = await prisma.credential.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      id: true,
      name: true,
      kind: true,
      binding: true,
      prefix: true,
      lastFour: true,
      scopes: true,
      toolsets: true,
      draftsOnly: true,
      confirmDestructive: true,
      createdAt: true,
      lastUsedAt: true,
      lastUsedIp: true,
      expiresAt: true,
      revokedAt: true,
      ipAllowList: true,
      previousLastFour: true,
      previousExpiresAt: true,
      rotatedAt: true,
      user: { select: { id: true, name: true } },
      createdBy: { select: { id: true, name: true } },
    },
  });
  const now = Date.now();
  const calls = await countCredentialCalls(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    masked: maskToken(r.prefix, r.lastFour),
    kind: r.kind,
    org_level: r.binding === "org",
    scopes: r.scopes,
    toolsets: r.toolsets,
    drafts_only: r.draftsOnly,
    confirm_destructive: r.confirmDestructive,
    user: r.user,
    created_by: r.createdBy,
    created_at: r.createdAt.toISOString(),
    last_used_at: r.lastUsedAt?.toISOString() ?? null,
    last_used_ip: r.lastUsedIp,
    expires_at: r.expiresAt?.toISOString() ?? null,
    revoked_at: r.revokedAt?.toISOString() ?? null,
    status: r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt.getTime() <= now ? "expired" : "active",
    ip_allow_list: r.ipAllowList,
    previous_secret:
      !r.revokedAt && r.previousLastFour && r.previousExpiresAt && r.previousExpiresAt.getTime() > now
        ? { masked: maskToken(r.prefix, r.previousLastFour), valid_until: r.previousExpiresAt.toISOString() }
        : null,
    rotated_at: r.rotatedAt?.toISOString() ?? null,
    calls_30d: calls.get(r.id) ?? 0,
  }));
}
