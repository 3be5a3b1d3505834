import { getEnv } from "@/lib/env";

export const MCP_PATH = "/api/v1/mcp";

/** The MCP endpoint's canonical URL: the OAuth resource every token is bound to. */
export function mcpUrl(): string {
  return `${getEnv().APP_URL}${MCP_PATH}`;
}

/** RFC 9728's path-aware metadata URL for the MCP endpoint. */
export function resourceMetadataUrl(): string {
  return `${getEnv().APP_URL}/.well-known/oauth-protected-resource${MCP_PATH}`;
}
