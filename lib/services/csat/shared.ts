import "server-only";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CsatScale } from "@/lib/generated/prisma/enums";
import { newCsatKey } from "@/lib/services/csat/link";

/** How long a customer may rate (and change the rating) after the request goes out. */
export const CSAT_LINK_DAYS = 14;

type Rated = { scale: CsatScale; score: number | null; satisfied: boolean | null; ratedAt: Date | null };

/** A rating in words: "good", "bad", or "4/5". */
export function ratingLabel(r: { scale: CsatScale; score: number | null; satisfied: boolean | null }): string | null {
  if (r.satisfied === null) return null;
  if (r.scale === "one_to_five" && r.score !== null) return `${r.score}/5`;
  return r.satisfied ? "good" : "bad";
}

/** The rating as tools and pages show it, or null before the customer rated. */
export function ratingJson(r: Rated & { comment: string | null }) {
  if (r.satisfied === null || !r.ratedAt) return null;
  return {
    scale: r.scale,
    score: r.score,
    satisfied: r.satisfied,
    label: ratingLabel(r) ?? "",
    comment: r.comment,
    rated_at: r.ratedAt.toISOString(),
  };
}

export type CsatRequestState = "awaiting_rating" | "rated" | "expired" | "replaced";

/** Whether the link still takes a rating (or a changed one). */
export function linkOpen(r: { expiresAt: Date; revokedAt: Date | null }, now = new Date()): boolean {
  return !r.revokedAt && r.expiresAt > now;
}

export function requestState(
  r: { expiresAt: Date; revokedAt: Date | null; satisfied: boolean | null },
  now = new Date(),
): CsatRequestState {
  if (r.satisfied !== null) return "rated";
  if (r.revokedAt) return "replaced";
  return r.expiresAt > now ? "awaiting_rating" : "expired";
}

/**
 * Issues a rating request for a ticket inside the caller's transaction (the resolve's, or
 * send_csat_request's): earlier links of the ticket stop taking ratings (ratings given stay), and
 * the rating will count for the ticket's assignee and team as they are now. Returns the link's key
 * (csatLink makes the link; the resolve itself never needs it).
 */
export async function issueCsatRequest(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  ticket: { id: string; assigneeId: string | null; teamId: string | null },
  options: { issuedBy: string | null; now?: Date },
): Promise<{ key: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  await tx.csatRequest.updateMany({
    where: { workspaceId: ctx.workspaceId, ticketId: ticket.id, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: ctx.workspaceId },
    select: { csatScale: true },
  });
  const key = newCsatKey();
  const expiresAt = new Date(now.getTime() + CSAT_LINK_DAYS * 86_400_000);
  await tx.csatRequest.create({
    data: {
      workspaceId: ctx.workspaceId,
      ticketId: ticket.id,
      key,
      scale: workspace.csatScale,
      agentId: ticket.assigneeId,
      teamId: ticket.teamId,
      createdById: options.issuedBy,
      createdAt: now,
      expiresAt,
    },
  });
  return { key, expiresAt };
}
