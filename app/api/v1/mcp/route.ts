// The MCP endpoint (Streamable HTTP, stateless): bearer auth, then the server built in lib/mcp.
import { handleMcpPost, methodNotAllowed, preflight } from "@/lib/mcp/http";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const POST = (request: Request) => handleMcpPost(request);
export const GET = (request: Request) => methodNotAllowed(request);
export const DELETE = (request: Request) => methodNotAllowed(request);
export const OPTIONS = (request: Request) => preflight(request);
