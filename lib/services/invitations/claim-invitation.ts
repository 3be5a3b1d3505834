import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Marks an invitation accepted inside the caller's transaction, only if it is
 * still pending and unexpired: of two parallel acceptances one wins, the other
 * is refused, so a link works once.
 */
export async function claimInvitation(tx: Prisma.TransactionClient, invitationId: string, now = new Date()) {
  const claimed = await tx.invitation.updateMany({
    where: { id: invitationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (claimed.count === 0) {
    throw new AppError(
      "conflict",
      "This invitation was already used or is no longer valid. Ask an admin for a new link.",
    );
  }
}
