import "server-only";
import { renewClient, type OAuthClientRecord } from "@/lib/oauth/clients/record";
import { parseOAuthForm } from "@/lib/oauth/form";
import { exchangeAuthorizationCode } from "@/lib/oauth/grants/authorization-code";
import { exchangeRefreshToken } from "@/lib/oauth/grants/refresh-token";
import type { TokenResponse } from "@/lib/oauth/tokens";
import { TokenRequestSchema, type GrantType, type TokenRequestInput } from "@/lib/validations/oauth";

type Grant<T extends GrantType> = (
  client: OAuthClientRecord,
  input: Extract<TokenRequestInput, { grant_type: T }>,
) => Promise<TokenResponse>;

/** The token endpoint's grant types, one file each (RFC 6749 §4.1.3, §6). */
export const GRANTS: { [T in GrantType]: Grant<T> } = {
  authorization_code: exchangeAuthorizationCode,
  refresh_token: exchangeRefreshToken,
};

/**
 * A token request from an authenticated client, validated and handed to its grant. A client that
 * gets tokens is in use: its registration is renewed.
 */
export async function exchangeGrant(client: OAuthClientRecord, form: URLSearchParams): Promise<TokenResponse> {
  const input = parseOAuthForm(TokenRequestSchema, form);
  // grant_type picks both the schema and the grant, so each grant gets its own member of the union.
  const grant = GRANTS[input.grant_type] as (
    client: OAuthClientRecord,
    input: TokenRequestInput,
  ) => Promise<TokenResponse>;
  const tokens = await grant(client, input);
  await renewClient(client.id);
  return tokens;
}
