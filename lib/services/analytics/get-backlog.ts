import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/errors";
import { BacklogSchema, type BacklogInput } from "@/lib/validations/analytics";

type Row = { key: string | null; label: string | null; status: string; count: number };

/**
 * Unresolved tickets (open and pending) by status × team, assignee, priority or sub-status;
 * unassigned count; oldest waiting.
 */
export async function getBacklog(ctx: ActorContext, input: BacklogInput) {
  const { by } = parseInput(BacklogSchema, input);
  if (by === "case_status") return backlogByCaseStatus(ctx);
  const key =
    by === "team"
      ? Prisma.sql`t."teamId"`
      : by === "assignee"
        ? Prisma.sql`t."assigneeId"`
        : Prisma.sql`t.priority::text`;
  const label =
    by === "team"
      ? Prisma.sql`(SELECT name FROM "public"."Team" WHERE id = t."teamId")`
      : by === "assignee"
        ? Prisma.sql`(SELECT name FROM "public"."User" WHERE id = t."assigneeId")`
        : Prisma.sql`t.priority::text`;
  // Counts come from the TicketCount rows (a few per team, assignee and priority), never a scan of
  // tickets; table names are schema-qualified like Prisma's own queries.
  const [rows, oldest] = await Promise.all([
    prisma.$queryRaw<(Row & { unassigned: number })[]>`
      SELECT ${key} AS key, ${label} AS label, t.status::text AS status, sum(t.n)::int AS count,
             (sum(t.n) FILTER (WHERE t."assigneeId" IS NULL))::int AS unassigned
      FROM "public"."TicketCount" t
      WHERE t."workspaceId" = ${ctx.workspaceId} AND t.status IN ('open', 'pending')
      GROUP BY 1, 2, 3
      HAVING sum(t.n) <> 0
      ORDER BY 2 NULLS LAST, 3`,
    prisma.ticket.findFirst({
      where: { workspaceId: ctx.workspaceId, status: "open" },
      orderBy: { createdAt: "asc" },
      select: { number: true, subject: true, createdAt: true },
    }),
  ]);
  const unassigned = rows.reduce((sum, r) => sum + (r.unassigned ?? 0), 0);
  const groups = new Map<string, { key: string | null; label: string; open: number; pending: number }>();
  for (const r of rows) {
    const id = r.key ?? "";
    const group = groups.get(id) ?? {
      key: r.key,
      label: r.label ?? (by === "team" ? "No team" : "Unassigned"),
      open: 0,
      pending: 0,
    };
    if (r.status === "open") group.open = r.count;
    else group.pending = r.count;
    groups.set(id, group);
  }
  const list = [...groups.values()];
  return {
    by,
    total: { open: list.reduce((s, g) => s + g.open, 0), pending: list.reduce((s, g) => s + g.pending, 0) },
    unassigned,
    groups: list,
    oldest_waiting: oldest
      ? {
          ticket: oldest.number,
          subject: oldest.subject,
          created_at: oldest.createdAt.toISOString(),
          waiting_hours: Math.round((Date.now() - oldest.createdAt.getTime()) / 3_600_000),
        }
      : null,
  };
}

/**
 * The backlog by sub-status: tickets wearing one are read from the (workspace, caseStatusId) index
 * (a sub-status marks a minority of tickets); those without are the TicketCount totals minus them.
 */
async function backlogByCaseStatus(ctx: ActorContext) {
  const [withStatus, totals, oldest] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT t."caseStatusId" AS key, c.name AS label, t.status::text AS status, count(*)::int AS count
      FROM "public"."Ticket" t JOIN "public"."CaseStatus" c ON c.id = t."caseStatusId"
      WHERE t."workspaceId" = ${ctx.workspaceId} AND t."caseStatusId" IS NOT NULL AND t.status IN ('open', 'pending')
      GROUP BY 1, 2, 3, c.position
      ORDER BY c.position, 2`,
    prisma.$queryRaw<{ status: string; count: number; unassigned: number }[]>`
      SELECT t.status::text AS status, sum(t.n)::int AS count,
             coalesce(sum(t.n) FILTER (WHERE t."assigneeId" IS NULL), 0)::int AS unassigned
      FROM "public"."TicketCount" t
      WHERE t."workspaceId" = ${ctx.workspaceId} AND t.status IN ('open', 'pending')
      GROUP BY 1`,
    prisma.ticket.findFirst({
      where: { workspaceId: ctx.workspaceId, status: "open" },
      orderBy: { createdAt: "asc" },
      select: { number: true, subject: true, createdAt: true },
    }),
  ]);
  const total = { open: 0, pending: 0 };
  let unassigned = 0;
  for (const r of totals) {
    if (r.status === "open") total.open = r.count;
    else total.pending = r.count;
    unassigned += r.unassigned;
  }
  const groups = new Map<string, { key: string | null; label: string; open: number; pending: number }>();
  for (const r of withStatus) {
    const group = groups.get(r.key!) ?? { key: r.key, label: r.label ?? "", open: 0, pending: 0 };
    if (r.status === "open") group.open = r.count;
    else group.pending = r.count;
    groups.set(r.key!, group);
  }
  const list = [...groups.values()];
  const none = {
    key: null,
    label: "No sub-status",
    open: total.open - list.reduce((s, g) => s + g.open, 0),
    pending: total.pending - list.reduce((s, g) => s + g.pending, 0),
  };
  return {
    by: "case_status" as const,
    total,
    unassigned,
    groups: none.open || none.pending ? [...list, none] : list,
    oldest_waiting: oldest
      ? {
          ticket: oldest.number,
          subject: oldest.subject,
          created_at: oldest.createdAt.toISOString(),
          waiting_hours: Math.round((Date.now() - oldest.createdAt.getTime()) / 3_600_000),
        }
      : null,
  };
}
