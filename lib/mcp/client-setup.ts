// Copyable setup for the MCP clients people use, for an API key / token or OAuth.

export type SetupMode = "token" | "oauth";
export type ClientSetup = { id: string; label: string; language: string; hint: string; code: string };

const NAME = "deskbridge";
/** The MCP connector's beta header value, as Anthropic's docs name it (mcp-client-2025-04-04 is the deprecated one). */
export const MCP_CONNECTOR_BETA = "mcp-client-2025-11-20";

export function clientSetups(url: string, mode: SetupMode, token = "YOUR_TOKEN"): ClientSetup[] {
  const bearer = `Bearer ${token}`;
  const oauth = mode === "oauth";
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return [
    {
      id: "claude-code",
      label: "Claude Code",
      language: "shell",
      hint: oauth
        ? "Run it, then /mcp in Claude Code to sign in; add --scope project to share it through a checked-in .mcp.json."
        : "Add --scope project to share the server through a checked-in .mcp.json (keep the token in an environment variable there).",
      code: oauth
        ? `claude mcp add --transport http ${NAME} ${url}`
        : `claude mcp add --transport http ${NAME} ${url} \\\n  --header "Authorization: ${bearer}"`,
    },
    {
      id: "mcp-json",
      label: ".mcp.json",
      language: "json",
      hint: oauth
        ? "Project-scoped config; the client signs in through the browser."
        : "Project-scoped config; ${DESKBRIDGE_TOKEN} is read from the environment.",
      code: json({
        mcpServers: {
          [NAME]: oauth
            ? { type: "http", url }
            : { type: "http", url, headers: { Authorization: "Bearer ${DESKBRIDGE_TOKEN}" } },
        },
      }),
    },
    {
      id: "claude-desktop",
      label: "Claude Desktop",
      language: "json",
      hint: oauth
        ? "Settings → Connectors → Add custom connector, and paste the server URL; or use this config."
        : "claude_desktop_config.json, through mcp-remote for the header.",
      code: json({
        mcpServers: {
          [NAME]: oauth
            ? { command: "npx", args: ["-y", "mcp-remote", url] }
            : {
                command: "npx",
                args: ["-y", "mcp-remote", url, "--header", "Authorization:${AUTH}"],
                env: { AUTH: bearer },
              },
        },
      }),
    },
    {
      id: "cursor",
      label: "Cursor",
      language: "json",
      hint: "~/.cursor/mcp.json (or .cursor/mcp.json in a project).",
      code: json({ mcpServers: { [NAME]: oauth ? { url } : { url, headers: { Authorization: bearer } } } }),
    },
    {
      id: "vscode",
      label: "VS Code",
      language: "json",
      hint: ".vscode/mcp.json; VS Code asks for the token once and keeps it in its secret storage.",
      code: json(
        oauth
          ? { servers: { [NAME]: { type: "http", url } } }
          : {
              inputs: [
                { type: "promptString", id: "deskbridge-token", description: "Deskbridge token", password: true },
              ],
              servers: {
                [NAME]: { type: "http", url, headers: { Authorization: "Bearer ${input:deskbridge-token}" } },
              },
            },
      ),
    },
    {
      id: "messages-api",
      label: "Messages API",
      language: "shell",
      hint:
        `The MCP connector needs the beta header anthropic-beta: ${MCP_CONNECTOR_BETA}, and the server URL must be publicly reachable over HTTPS: Anthropic's servers connect to it, so a localhost or private address will not work. ` +
        (oauth
          ? "authorization_token takes an OAuth access token your integration obtained (and refreshes)."
          : "authorization_token takes the API key or personal token."),
      code: [
        "curl https://api.anthropic.com/v1/messages \\",
        '  -H "content-type: application/json" \\',
        '  -H "x-api-key: $ANTHROPIC_API_KEY" \\',
        '  -H "anthropic-version: 2023-06-01" \\',
        `  -H "anthropic-beta: ${MCP_CONNECTOR_BETA}" \\`,
        `  -d '${json({
          model: "claude-sonnet-4-5",
          max_tokens: 1024,
          messages: [{ role: "user", content: "Which urgent tickets are still open?" }],
          mcp_servers: [{ type: "url", url, name: NAME, authorization_token: oauth ? "OAUTH_ACCESS_TOKEN" : token }],
          tools: [{ type: "mcp_toolset", mcp_server_name: NAME }],
        })}'`,
      ].join("\n"),
    },
  ];
}
