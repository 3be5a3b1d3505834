import "server-only";
import { prisma } from "@/lib/db";

const TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms).unref()),
  ]);
}

export type Health = {
  status: "ok" | "degraded";
  database: { status: "up" | "down"; latency_ms?: number; error?: string };
};

/** Pings the database with a bound, so a load balancer never waits on a hung pool. */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  try {
    await withTimeout(prisma.$queryRaw`SELECT 1`, TIMEOUT_MS);
    return { status: "ok", database: { status: "up", latency_ms: Math.round(performance.now() - started) } };
  } catch (error) {
    const reason = error instanceof Error && error.message === "timed out" ? "timed out" : "unreachable";
    return { status: "degraded", database: { status: "down", error: reason } };
  }
}
