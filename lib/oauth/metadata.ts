import { FAMILY_SCOPES, UMBRELLA_SCOPES } from "@/lib/auth/scopes";
import { getEnv } from "@/lib/env";
import { mcpUrl } from "@/lib/mcp/urls";
import { GRANT_TYPES } from "@/lib/validations/oauth";

export const METADATA_CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "*",
  "Access-Control-Max-Age": "86400",
};

/** RFC 9728 protected-resource metadata for the MCP endpoint. */
export function protectedResourceMetadata() {
  return {
    resource: mcpUrl(),
    resource_name: "Deskbridge MCP server",
    authorization_servers: [getEnv().APP_URL],
    scopes_supported: [...UMBRELLA_SCOPES, ...FAMILY_SCOPES],
    bearer_methods_supported: ["header"],
    resource_documentation: `${getEnv().APP_URL}/docs/mcp`,
  };
}

/** RFC 8414 authorization-server metadata; the issuer is the public origin. */
export function authorizationServerMetadata() {
  const origin = getEnv().APP_URL;
  return {
    issuer: origin,
    authorization_endpoint: `${origin}/api/oauth/authorize`,
    token_endpoint: `${origin}/api/oauth/token`,
    registration_endpoint: `${origin}/api/oauth/register`,
    revocation_endpoint: `${origin}/api/oauth/revoke`,
    scopes_supported: [...UMBRELLA_SCOPES, ...FAMILY_SCOPES],
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: GRANT_TYPES,
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
    revocation_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
    client_id_metadata_document_supported: true,
    authorization_response_iss_parameter_supported: true,
    service_documentation: `${origin}/docs/mcp`,
  };
}

export function metadataResponse(body: unknown): Response {
  return Response.json(body, { headers: { ...METADATA_CORS, "Cache-Control": "public, max-age=300" } });
}

export function metadataPreflight(): Response {
  return new Response(null, { status: 204, headers: METADATA_CORS });
}
