import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/errors";
import { ratingJson } from "@/lib/services/csat/shared";
import { CsatListSchema, type CsatListInput } from "@/lib/validations/csat";
import { CursorId, CursorTime, decodeCursor, encodeCursor, type Page } from "@/lib/validations/common";

const CursorShape = z.object({ r: CursorTime, i: CursorId });

export type CsatRatingRow = {
  id: string;
  ticket: { number: number; subject: string };
  rating: NonNullable<ReturnType<typeof ratingJson>>;
  agent: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  contact: { id: string; name: string; email: string | null } | null;
};

/** The customers' ratings, newest (or last changed) first, narrowed by period, agent, team and score. */
export async function listCsatRatings(ctx: ActorContext, input: CsatListInput): Promise<Page<CsatRatingRow>> {
  const data = parseInput(CsatListSchema, input);
  const and: Prisma.CsatRequestWhereInput[] = [inWorkspace(ctx), { ratedAt: { not: null } }];
  if (data.period_days) and.push({ ratedAt: { gte: new Date(Date.now() - data.period_days * 86_400_000) } });
  if (data.agent) and.push({ agentId: data.agent === "me" ? (ctx.userId ?? "") : data.agent });
  if (data.team) and.push({ teamId: data.team });
  if (data.score === "good") and.push({ satisfied: true });
  else if (data.score === "bad") and.push({ satisfied: false });
  else if (data.score) and.push({ scale: "one_to_five", score: Number(data.score) });
  const cursor = decodeCursor(data.cursor, CursorShape);
  if (cursor)
    and.push({
      OR: [{ ratedAt: { lt: new Date(cursor.r) } }, { ratedAt: new Date(cursor.r), id: { lt: cursor.i } }],
    });
  const rows = await prisma.csatRequest.findMany({
    where: { AND: and },
    orderBy: [{ ratedAt: "desc" }, { id: "desc" }],
    take: data.limit + 1,
    select: {
      id: true,
      scale: true,
      score: true,
      satisfied: true,
      comment: true,
      ratedAt: true,
      ticket: {
        select: { number: true, subject: true, contact: { select: { id: true, name: true, email: true } } },
      },
      agent: { select: { id: true, name: true } },
      team: { select: { id: true, name: true } },
    },
  });
  const hasMore = rows.length > data.limit;
  const items = rows.slice(0, data.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.id,
      ticket: { number: r.ticket.number, subject: r.ticket.subject },
      rating: ratingJson(r)!,
      agent: r.agent,
      team: r.team,
      contact: r.ticket.contact,
    })),
    next_cursor: hasMore && last?.ratedAt ? encodeCursor({ r: last.ratedAt.toISOString(), i: last.id }) : null,
    has_more: hasMore,
  };
}
