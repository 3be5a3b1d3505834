import { FAMILY_SCOPES, UMBRELLA_SCOPES } from "@/lib/auth/scopes";
import { getEnv } from "@/lib/env";
import { mcpUrl } from "@/lib/mcp/urls";

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

export function metadataResponse(body: unknown): Response {
  return Response.json(body, { headers: { ...METADATA_CORS, "Cache-Control": "public, max-age=300" } });
}

export function metadataPreflight(): Response {
  return new Response(null, { status: 204, headers: METADATA_CORS });
}
