// The MCP endpoint in hard read-only mode: the same resource and credentials as /api/v1/mcp, with no
// write tool listed or callable.
import { handleMcpPost, methodNotAllowed, preflight } from "@/lib/mcp/http";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const POST = (request: Request) => handleMcpPost(request, { readonly: true });
export const GET = (request: Request) => methodNotAllowed(request);
export const DELETE = (request: Request) => methodNotAllowed(request);
export const OPTIONS = (request: Request) => preflight(request);
