import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";

export type AuthorizedApp = {
  grant_id: string;
  client: { id: string; name: string; logo_uri: string | null; redirect_host: string | null; verified: boolean };
  scopes: string[];
  workspace: string;
  first_authorized_at: string;
  last_used_at: string | null;
};

/** The OAuth apps a user authorized in this workspace (active grants). */
export async function listAuthorizedApps(ctx: ActorContext, options: { userId: string }): Promise<AuthorizedApp[]> {
  const grants = await prisma.oAuthGrant.findMany({
    where: { ...inWorkspace(ctx), userId: options.userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      workspace: { select: { name: true } },
      client: { select: { clientId: true, name: true, logoUri: true, redirectUris: true, registrationType: true } },
    },
  });
  return grants.map((g) => ({
    grant_id: g.id,
    client: {
      id: g.client.clientId,
      name: g.client.name,
      logo_uri: g.client.logoUri,
      redirect_host: redirectHost(g.client.redirectUris[0]),
      verified: g.client.registrationType === "cimd",
    },
    scopes: g.scopes,
    workspace: g.workspace.name,
    first_authorized_at: g.createdAt.toISOString(),
    last_used_at: g.lastUsedAt?.toISOString() ?? null,
  }));
}

function redirectHost(uri: string | undefined): string | null {
  if (!uri) return null;
  try {
    const url = new URL(uri);
    return url.host || `${url.protocol}//`;
  } catch {
    return null;
  }
}
