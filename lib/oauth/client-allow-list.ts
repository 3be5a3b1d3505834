// Whether a workspace's OAuth client allow-list admits a client: by its metadata document URL (a
// client ID metadata document's client_id), its name, or the domain of every redirect URI it uses.

export type ClientAllowList = {
  clientAllowListEnabled: boolean;
  allowedClientUrls: readonly string[];
  allowedClientNames: readonly string[];
  allowedRedirectDomains: readonly string[];
};

export type ClientIdentity = { clientId: string; name: string; redirectUris: readonly string[] };

function hostOf(uri: string): string | null {
  try {
    return new URL(uri).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** A host is within a domain when it is the domain or a subdomain of it. */
function withinDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function clientAllowed(list: ClientAllowList | null, client: ClientIdentity): boolean {
  if (!list?.clientAllowListEnabled) return true;
  if (list.allowedClientUrls.includes(client.clientId)) return true;
  const name = client.name.trim().toLowerCase();
  if (list.allowedClientNames.some((allowed) => allowed.trim().toLowerCase() === name)) return true;
  const hosts = client.redirectUris.map(hostOf);
  return (
    hosts.length > 0 &&
    hosts.every((host) => host !== null && list.allowedRedirectDomains.some((domain) => withinDomain(host, domain)))
  );
}
