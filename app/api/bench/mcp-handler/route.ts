// Benchmark peer: get_ticket served the way most Next.js MCP routes are built (mcp-handler with
// withMcpAuth), over the same registry entry, bearer check and database read as /api/v1/mcp.
// Exists only when BENCH_ROUTES=1.
import { createMcpHandler, withMcpAuth } from "mcp-handler";
import { verifyBearer } from "@/lib/credentials/verify-bearer";
import { getEnv } from "@/lib/env";
import { actorOf, SERVER_INFO, type McpAuth } from "@/lib/mcp/server";
import { TOOLS_BY_NAME } from "@/lib/mcp/tools";
import { mcpUrl } from "@/lib/mcp/urls";
import { clientIp } from "@/lib/rate-limit/client-ip";

export const dynamic = "force-dynamic";

const GET_TICKET = TOOLS_BY_NAME.get("get_ticket")!;

const handler = withMcpAuth(
  createMcpHandler(
    (server) => {
      server.registerTool(
        GET_TICKET.name,
        {
          title: GET_TICKET.title,
          description: GET_TICKET.description,
          inputSchema: GET_TICKET.input,
          annotations: GET_TICKET.annotations,
        },
        async (args, ctx) => {
          const auth = ctx.http?.authInfo?.extra?.deskbridge as McpAuth;
          const result = (await GET_TICKET.handler(actorOf(auth), args)) as Record<string, unknown>;
          return { content: [{ type: "text", text: JSON.stringify(result) }], structuredContent: result };
        },
      );
    },
    { serverInfo: SERVER_INFO },
  ),
  async (request, token) => {
    if (!token) return undefined;
    const ip = clientIp(request);
    const verified = await verifyBearer(token, { resource: mcpUrl(), ip });
    if (!verified.ok) return undefined;
    const auth: McpAuth = { credential: verified.credential, ip };
    return { token, clientId: verified.credential.id, scopes: verified.credential.scopes, extra: { deskbridge: auth } };
  },
  { required: true },
);

export async function POST(request: Request) {
  if (getEnv().BENCH_ROUTES !== "1") return new Response("Not found", { status: 404 });
  return handler(request);
}
