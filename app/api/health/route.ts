// Health for load balancers: 200 with each dependency's state, 503 when the database is unreachable.
import { checkHealth } from "@/lib/services/system/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
