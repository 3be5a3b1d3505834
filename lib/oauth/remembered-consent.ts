import "server-only";
import { prisma } from "@/lib/db";
import type { PendingAuthorization } from "@/lib/oauth/authorize";
import { authorizationStanding } from "@/lib/services/governance/authorization-standing";
import type { OAuthClientRecord } from "@/lib/oauth/clients/record";
import { findConsent } from "@/lib/oauth/store";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The consent to reuse, if the user already approved this client in this
 * workspace for at least the scopes asked now, and may still authorize there (the owners' OAuth
 * switch, client allow-list and consent policy).
 */
export async function rememberedConsent(options: {
  pending: PendingAuthorization;
  client: OAuthClientRecord;
  userId: string;
  workspaceId: string;
  role: Role;
}) {
  const [consent, workspace] = await Promise.all([
    findConsent({ userId: options.userId, clientId: options.client.id, workspaceId: options.workspaceId }),
    prisma.workspace.findUniqueOrThrow({
      where: { id: options.workspaceId },
      select: { id: true, name: true, oauthAuthorizePolicy: true },
    }),
  ]);
  if (!consent) return null;
  const standing = await authorizationStanding({
    workspace,
    userId: options.userId,
    role: options.role,
    client: options.client,
  });
  if (!standing.ok) return null;
  return options.pending.scopes.every((scope) => consent.scopes.includes(scope)) ? consent : null;
}

/**
 * A request's scopes split for the consent page: those the user already allowed this client in the
 * workspace (kept as they are) and those it asks for now. A step-up asks for more than it holds, so
 * the page shows only what is added.
 */
export function splitRequestedScopes<S extends string>(requested: readonly S[], allowed: readonly string[] | null) {
  const kept = requested.filter((scope) => allowed?.includes(scope));
  return { kept, added: requested.filter((scope) => !kept.includes(scope)) };
}
