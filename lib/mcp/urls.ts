import { getEnv } from "@/lib/env";

export const MCP_PATH = "/api/v1/mcp";

/** The MCP endpoint's canonical URL: the OAuth resource every token is bound to. */
export function mcpUrl(): string {
  return `${getEnv().APP_URL}${MCP_PATH}`;
}

/** The read-only endpoint's path below MCP_PATH; it is the same OAuth resource (RFC 8707). */
export const READONLY_SUFFIX = "/readonly";

/** RFC 9728's path-aware metadata URL for the MCP endpoint (or for its read-only path). */
export function resourceMetadataUrl(suffix: "" | typeof READONLY_SUFFIX = ""): string {
  return `${getEnv().APP_URL}/.well-known/oauth-protected-resource${MCP_PATH}${suffix}`;
}
