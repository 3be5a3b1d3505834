// GET /icons/<name>.svg: the icons tools, prompts and resources name in the MCP lists.
import { iconSvg } from "@/lib/mcp/icons";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const svg = file.endsWith(".svg") ? iconSvg(file.slice(0, -".svg".length)) : null;
  if (!svg) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "public, max-age=86400",
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
