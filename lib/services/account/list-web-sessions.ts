import "server-only";
import { prisma } from "@/lib/db";
import type { AccountActor } from "@/lib/services/account/shared";

export type WebSessionRow = {
  id: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  current: boolean;
};

/** The person's live web sessions, most recently seen first; the one asking is marked current. */
export async function listWebSessions(actor: AccountActor): Promise<WebSessionRow[]> {
  const rows = await prisma.webSession.findMany({
    where: { userId: actor.userId, revokedAt: null },
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return rows.map((row) => ({
    id: row.id,
    ip: row.ip,
    user_agent: row.userAgent,
    created_at: row.createdAt.toISOString(),
    last_seen_at: row.lastSeenAt.toISOString(),
    current: row.id === actor.sessionId,
  }));
}
