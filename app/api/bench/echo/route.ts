// Benchmark baseline: a bare route answering a fixed JSON-RPC body. Exists only when BENCH_ROUTES=1.
import { getEnv } from "@/lib/env";
const BODY = JSON.stringify({ jsonrpc: "2.0", id: 1, result: { content: [{ type: "text", text: "ok" }] } });

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (getEnv().BENCH_ROUTES !== "1") return new Response("Not found", { status: 404 });
  await request.text();
  return new Response(BODY, { headers: { "Content-Type": "application/json" } });
}
