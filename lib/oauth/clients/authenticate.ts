import "server-only";
import { hashToken, secretsEqual } from "@/lib/credentials/token-format";
import { findClient } from "@/lib/oauth/clients/find";
import type { OAuthClientRecord } from "@/lib/oauth/clients/record";
import { OAuthError } from "@/lib/oauth/errors";

/** Token and revocation endpoints: who is the client (client_secret_basic, _post, or public). */
export async function authenticateClient(request: Request, form: URLSearchParams): Promise<OAuthClientRecord> {
  let clientId = form.get("client_id");
  let secret = form.get("client_secret");
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const at = decoded.indexOf(":");
    if (at < 0) throw new OAuthError("invalid_client", "Malformed Basic credentials.");
    clientId = decodeURIComponent(decoded.slice(0, at));
    secret = decodeURIComponent(decoded.slice(at + 1));
  }
  const client = await findClient(clientId);
  if (client.tokenEndpointAuthMethod !== "none") {
    if (!secret || !client.clientSecretHash || !secretsEqual(hashToken(secret), client.clientSecretHash)) {
      throw new OAuthError("invalid_client", "Client authentication failed.");
    }
  }
  return client;
}
