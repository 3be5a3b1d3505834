// Demo CSAT: a rating request for each resolved or closed ticket, most of them answered, a few
// with a comment. Its own random sequence, so the rest of the seed stays as it was.
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CsatScale } from "@/lib/generated/prisma/enums";

const DAY = 86_400_000;
const LINK_DAYS = 14;

const GOOD_COMMENTS = [
  "Quick and friendly, thank you!",
  "Solved on the first reply.",
  "Clear instructions, worked right away.",
  "Thanks for following up so fast.",
  "Great help with the invoice.",
];
const BAD_COMMENTS = [
  "Took three days to get an answer.",
  "The workaround did not fix it for us.",
  "I had to explain the problem twice.",
  "Still waiting on the refund.",
];

export async function seedCsat(options: { workspaceId: string; scale: CsatScale; now: number; seed: number }) {
  const { workspaceId, scale, now } = options;
  let a = options.seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

  await prisma.workspace.update({ where: { id: workspaceId }, data: { csatScale: scale } });
  const tickets = await prisma.ticket.findMany({
    where: { workspaceId, resolvedAt: { not: null } },
    select: { id: true, resolvedAt: true, assigneeId: true, teamId: true },
    // The latest resolutions are enough for a demo, also in a benchmark-sized seed.
    orderBy: [{ resolvedAt: "desc" }, { id: "asc" }],
    take: 2_000,
  });
  const requests: Prisma.CsatRequestCreateManyInput[] = [];
  const activities: Prisma.TicketActivityCreateManyInput[] = [];
  for (const ticket of tickets) {
    const issued = ticket.resolvedAt!;
    const expiresAt = new Date(issued.getTime() + LINK_DAYS * DAY);
    const ratedAt = new Date(issued.getTime() + (0.5 + random() * 60) * 3_600_000);
    const rated = random() < 0.6 && ratedAt.getTime() < now;
    // Most customers are content; the scale decides how it is written down.
    const satisfied = random() < 0.82;
    const score = scale === "one_to_five" ? (satisfied ? pick([4, 5, 5]) : pick([1, 2, 3])) : null;
    const comment = rated && random() < 0.35 ? pick(satisfied ? GOOD_COMMENTS : BAD_COMMENTS) : null;
    requests.push({
      workspaceId,
      ticketId: ticket.id,
      key: randomBytes(16).toString("base64url"),
      scale,
      agentId: ticket.assigneeId,
      teamId: ticket.teamId,
      createdAt: issued,
      expiresAt,
      ...(rated ? { score, satisfied, comment, ratedAt } : {}),
    });
    if (rated)
      activities.push({
        workspaceId,
        ticketId: ticket.id,
        actorUserId: null,
        via: "web",
        action: "csat_rated",
        changes: {
          rating: { from: null, to: score !== null ? `${score}/5` : satisfied ? "good" : "bad" },
          comment,
        },
        createdAt: ratedAt,
      });
  }
  for (let i = 0; i < requests.length; i += 2_000)
    await prisma.csatRequest.createMany({ data: requests.slice(i, i + 2_000) });
  for (let i = 0; i < activities.length; i += 2_000)
    await prisma.ticketActivity.createMany({ data: activities.slice(i, i + 2_000) });
  return { requests: requests.length, ratings: activities.length };
}
