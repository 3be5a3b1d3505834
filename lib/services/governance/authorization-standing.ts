import "server-only";
import { prisma } from "@/lib/db";
import { mayAuthorize, policyText } from "@/lib/oauth/authorize";
import { clientAllowed, type ClientIdentity } from "@/lib/oauth/client-allow-list";
import type { OAuthAuthorizePolicy, Role } from "@/lib/generated/prisma/enums";

/**
 * Whether a member may authorize an OAuth client in a workspace: OAuth on, the client admitted by the
 * allow-list, and the member allowed by "who may authorize apps" (or approved by an owner for this
 * client). A refusal says which rule refused, so the consent page can offer to ask the owners.
 */
export type AuthorizationStanding =
  { ok: true } | { ok: false; reason: "oauth_disabled" | "client_blocked" | "policy"; message: string };

export async function authorizationStanding(options: {
  workspace: { id: string; name: string; oauthAuthorizePolicy: OAuthAuthorizePolicy };
  userId: string;
  role: Role;
  client: ClientIdentity & { id: string };
}): Promise<AuthorizationStanding> {
  const { workspace, client } = options;
  const governance = await prisma.mcpGovernance.findUnique({
    where: { workspaceId: workspace.id },
    select: {
      oauthEnabled: true,
      clientAllowListEnabled: true,
      allowedClientUrls: true,
      allowedClientNames: true,
      allowedRedirectDomains: true,
    },
  });
  if (governance && !governance.oauthEnabled)
    return {
      ok: false,
      reason: "oauth_disabled",
      message: `${workspace.name} does not accept OAuth connections: its owners turned them off.`,
    };
  if (!clientAllowed(governance, client))
    return {
      ok: false,
      reason: "client_blocked",
      message: `${client.name} is not on ${workspace.name}'s list of allowed apps. Request access, and the owners will be asked to approve it.`,
    };
  if (mayAuthorize(options.role, workspace.oauthAuthorizePolicy)) return { ok: true };
  const approved = await prisma.mcpAccessRequest.findFirst({
    where: {
      workspaceId: workspace.id,
      requestedById: options.userId,
      clientId: client.id,
      kind: "consent",
      status: "approved",
    },
    select: { id: true },
  });
  if (approved) return { ok: true };
  return {
    ok: false,
    reason: "policy",
    message: `In ${workspace.name}, only ${policyText(workspace.oauthAuthorizePolicy)} may authorize apps. Ask an owner: they are notified and can approve it for you.`,
  };
}
