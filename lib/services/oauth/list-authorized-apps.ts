import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { listLiveGrants } from "@/lib/oauth/store";

export type AuthorizedApp = {
  grant_id: string;
  client: { id: string; name: string; logo_uri: string | null; redirect_host: string | null; verified: boolean };
  scopes: string[];
  workspace: string;
  first_authorized_at: string;
  last_used_at: string | null;
};

/** The OAuth apps a user authorized in this workspace: one row per client, over its active grants. */
export async function listAuthorizedApps(ctx: ActorContext, options: { userId: string }): Promise<AuthorizedApp[]> {
  const grants = await listLiveGrants({ ...inWorkspace(ctx), userId: options.userId });
  const byClient = new Map<string, (typeof grants)[number][]>();
  for (const g of grants) byClient.set(g.client.clientId, [...(byClient.get(g.client.clientId) ?? []), g]);
  return [...byClient.values()].map((group) => {
    const g = group[0]!;
    const first = group.reduce((min, x) => (x.createdAt < min ? x.createdAt : min), g.createdAt);
    const last = group.reduce<Date | null>(
      (max, x) => (x.lastUsedAt && (!max || x.lastUsedAt > max) ? x.lastUsedAt : max),
      null,
    );
    const scopes = [...new Set(group.flatMap((x) => x.scopes))];
    return {
      grant_id: g.id,
      client: {
        id: g.client.clientId,
        name: g.client.name,
        logo_uri: g.client.logoUri,
        redirect_host: redirectHost(g.client.redirectUris[0]),
        verified: g.client.registrationType === "cimd",
      },
      scopes,
      workspace: g.workspace.name,
      first_authorized_at: first.toISOString(),
      last_used_at: last?.toISOString() ?? null,
    };
  });
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
