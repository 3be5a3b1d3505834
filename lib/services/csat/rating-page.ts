import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { checkPerIpRateLimit } from "@/lib/rate-limit/limiter";
import { csatKeyOf } from "@/lib/services/csat/link";
import { linkOpen, ratingJson, ratingLabel } from "@/lib/services/csat/shared";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { CsatRatingSchema, type CsatRatingInput } from "@/lib/validations/csat";

// The public rating page: no sign-in, only the link. Opening the page reads and never writes (mail
// scanners open links before people do); the rating is a POST, limited per client address.

const PAGE_SELECT = {
  id: true,
  workspaceId: true,
  ticketId: true,
  scale: true,
  expiresAt: true,
  revokedAt: true,
  score: true,
  satisfied: true,
  comment: true,
  ratedAt: true,
  workspace: { select: { name: true } },
  ticket: { select: { number: true, subject: true } },
} as const;

async function findRequest(token: string) {
  const key = csatKeyOf(token);
  if (!key) return null;
  return prisma.csatRequest.findUnique({ where: { key }, select: PAGE_SELECT });
}

export type RatingPage =
  | { state: "unknown" }
  | { state: "closed"; workspace: string; reason: "expired" | "replaced"; rating: ReturnType<typeof ratingJson> }
  | {
      state: "open";
      workspace: string;
      ticket: { number: number; subject: string };
      scale: "good_bad" | "one_to_five";
      expires_at: string;
      rating: ReturnType<typeof ratingJson>;
    };

/** What the page shows for a link: read only. */
export async function findRatingPage(token: string): Promise<RatingPage> {
  const request = await findRequest(token);
  if (!request) return { state: "unknown" };
  if (!linkOpen(request))
    return {
      state: "closed",
      workspace: request.workspace.name,
      reason: request.revokedAt ? "replaced" : "expired",
      rating: ratingJson(request),
    };
  return {
    state: "open",
    workspace: request.workspace.name,
    ticket: request.ticket,
    scale: request.scale,
    expires_at: request.expiresAt.toISOString(),
    rating: ratingJson(request),
  };
}

export type SubmitRatingResult =
  | { ok: true; rating: NonNullable<ReturnType<typeof ratingJson>>; changed: boolean }
  | { ok: false; reason: "unknown" | "expired" | "replaced" }
  | { ok: false; reason: "rate_limited"; retryAfterS: number };

/**
 * Records the customer's rating and comment, or changes them, while the link is open; a ticket
 * activity row says what the customer chose.
 */
export async function submitCsatRating(input: CsatRatingInput, ip: string | null): Promise<SubmitRatingResult> {
  // Per address, before anything is read; a limiter that cannot count lets the rating through.
  const decision = await checkPerIpRateLimit("csat-rating", ip).catch(() => null);
  if (decision && !decision.allowed) return { ok: false, reason: "rate_limited", retryAfterS: decision.resetS };
  const data = parseInput(CsatRatingSchema, input);
  const request = await findRequest(data.token);
  if (!request) return { ok: false, reason: "unknown" };
  const now = new Date();
  if (!linkOpen(request, now)) return { ok: false, reason: request.revokedAt ? "replaced" : "expired" };

  const fivePoint = request.scale === "one_to_five";
  if (fivePoint !== /^[1-5]$/.test(data.rating))
    throw new AppError("validation_error", `Invalid input (rating: choose ${fivePoint ? "1 to 5" : "good or bad"}).`, {
      fields: { rating: [fivePoint ? "choose a rating from 1 to 5" : "choose good or bad"] },
    });
  const score = fivePoint ? Number(data.rating) : null;
  const satisfied = fivePoint ? score! >= 4 : data.rating === "good";
  const comment = data.comment ?? null;
  const before = ratingLabel(request);
  const after = ratingLabel({ scale: request.scale, score, satisfied })!;
  const ctx: ActorContext = { workspaceId: request.workspaceId, userId: null, role: null, via: "web", ip };

  const updated = await prisma.$transaction(async (tx) => {
    // The link's window is checked again in the write, so a rating never lands after expiry.
    const { count } = await tx.csatRequest.updateMany({
      where: { id: request.id, revokedAt: null, expiresAt: { gt: now } },
      data: { score, satisfied, comment, ratedAt: now },
    });
    if (!count) return false;
    if (before !== after || (request.comment ?? null) !== comment)
      await recordActivity(tx, ctx, {
        ticketId: request.ticketId,
        action: "csat_rated",
        changes: { rating: { from: before, to: after }, comment },
      });
    return true;
  });
  if (!updated) return { ok: false, reason: "expired" };
  return {
    ok: true,
    rating: ratingJson({ scale: request.scale, score, satisfied, comment, ratedAt: now })!,
    changed: before !== null,
  };
}
