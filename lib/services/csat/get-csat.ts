import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { csatLink } from "@/lib/services/csat/link";
import { linkOpen, ratingJson, requestState } from "@/lib/services/csat/shared";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { CsatTicketSchema, type CsatTicketInput } from "@/lib/validations/csat";

const REQUEST_SELECT = {
  id: true,
  key: true,
  scale: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  score: true,
  satisfied: true,
  comment: true,
  ratedAt: true,
  agent: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
} as const;

/**
 * A ticket's CSAT: its latest rating (a later resolve's unanswered request leaves it standing), and
 * its rating requests newest first, each with its link while that still takes a rating.
 */
export async function getCsat(ctx: ActorContext, input: CsatTicketInput) {
  const { ticket: number } = parseInput(CsatTicketSchema, input);
  const ticket = await findTicketOrThrow(prisma, ctx, number, { id: true, status: true });
  const [workspace, requests] = await Promise.all([
    prisma.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { csatScale: true } }),
    prisma.csatRequest.findMany({
      where: { ...inWorkspace(ctx), ticketId: ticket.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: REQUEST_SELECT,
    }),
  ]);
  const now = new Date();
  const rated = requests.filter((r) => r.ratedAt).sort((a, b) => b.ratedAt!.getTime() - a.ratedAt!.getTime())[0];
  return {
    ticket: number,
    status: ticket.status,
    scale: workspace.csatScale,
    rating: rated ? ratingJson(rated) : null,
    requests: requests.map((r) => ({
      id: r.id,
      state: requestState(r, now),
      link: linkOpen(r, now) ? csatLink(r.key) : null,
      issued_at: r.createdAt.toISOString(),
      expires_at: r.expiresAt.toISOString(),
      agent: r.agent,
      team: r.team,
      rating: ratingJson(r),
    })),
  };
}

export type CsatSummary = Awaited<ReturnType<typeof getCsat>>;
