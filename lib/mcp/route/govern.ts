import "server-only";
import type { VerifiedCredential } from "@/lib/credentials/verify-bearer";
import type { ErrorCode } from "@/lib/errors";
import type { Step } from "@/lib/mcp/route/step";
import { clientAllowed } from "@/lib/oauth/client-allow-list";
import { inRanges, parseIp, parseIpRange, type IpRange } from "@/lib/rate-limit/ip-address";

// The MCP route's governance step, once the caller is confirmed: the owners' switches (MCP itself,
// each credential kind), the OAuth client allow-list and an API key's IP allow-list. A refusal is a
// 403 with a code and a sentence saying who can change it, never a 500.

const KIND_SWITCH = {
  workspace_key: ["apiKeysEnabled", "API keys"],
  personal_token: ["personalTokensEnabled", "personal tokens"],
  oauth: ["oauthEnabled", "OAuth connections"],
} as const;

function refusal(code: ErrorCode, description: string, headers: Record<string, string>): Response {
  return Response.json(
    { error: code, error_description: description },
    { status: 403, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

/** An allow-list entry that no longer parses (it was validated when saved) admits nothing. */
function rangesOf(entries: readonly string[]): IpRange[] {
  return entries.map(parseIpRange).filter((range): range is IpRange => range !== null);
}

export function governCaller(credential: VerifiedCredential, ip: string | null, headers: Record<string, string>): Step {
  const governance = credential.governance;
  if (governance && !governance.mcpEnabled)
    return {
      ok: false,
      response: refusal(
        "mcp_disabled",
        "MCP access is turned off for this workspace. An owner can turn it on in Settings → MCP governance.",
        headers,
      ),
    };
  const [field, label] = KIND_SWITCH[credential.kind];
  if (governance && !governance[field])
    return {
      ok: false,
      response: refusal(
        "credential_kind_disabled",
        `This workspace does not accept ${label} for MCP. An owner can turn them on in Settings → MCP governance, or connect with another kind of credential.`,
        headers,
      ),
    };
  // A connection authorized before its client left the allow-list (or before the list was on) stops too.
  if (credential.client && !clientAllowed(governance, credential.client))
    return {
      ok: false,
      response: refusal(
        "client_not_allowed",
        `${credential.client.name} is not on this workspace's list of allowed apps. Authorize it again to request access from the owners.`,
        headers,
      ),
    };
  if (credential.ipAllowList.length > 0) {
    const address = ip ? parseIp(ip) : null;
    if (!address || !inRanges(address, rangesOf(credential.ipAllowList)))
      return {
        ok: false,
        response: refusal(
          "ip_not_allowed",
          `This API key is not accepted from ${ip ?? "an unknown address"}: its IP allow-list does not include it. An admin can change the list in Settings → API Access.`,
          headers,
        ),
      };
  }
  return { ok: true };
}
