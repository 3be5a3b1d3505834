import "server-only";
import { prisma } from "@/lib/db";

/** How stale "last seen" may get before a page view refreshes it: one write a minute, not one per page. */
const LAST_SEEN_EVERY_MS = 60_000;

export type LiveWebSession = { userId: string; mustEnrolTwoFactor: boolean };

/**
 * The session row when it still counts: not revoked, its user active. Called
 * by Auth.js whenever a page or action reads the session (never by the MCP
 * route, whose bearer credentials are checked on their own).
 */
export async function checkWebSession(sessionId: string, userId: string): Promise<LiveWebSession | null> {
  const row = await prisma.webSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      revokedAt: true,
      lastSeenAt: true,
      mustEnrolTwoFactor: true,
      user: { select: { deactivatedAt: true } },
    },
  });
  if (!row || row.revokedAt || row.userId !== userId || row.user.deactivatedAt) return null;
  if (Date.now() - row.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await prisma.webSession
      .updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: new Date() } })
      .catch(() => undefined);
  }
  return { userId: row.userId, mustEnrolTwoFactor: row.mustEnrolTwoFactor };
}
