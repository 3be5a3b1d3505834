import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/errors";
import { AuditListSchema, type AuditListInput } from "@/lib/validations/analytics";
import { CursorId, CursorTime, decodeCursor, encodeCursor, type Page } from "@/lib/validations/common";

export type AuditRow = {
  id: string;
  action: string;
  outcome: string;
  via: string;
  actor: { id: string; name: string } | null;
  credential_id: string | null;
  credential_kind: string | null;
  latency_ms: number | null;
  ip: string | null;
  /** What the event recorded (never secrets); null when nothing. */
  details: Record<string, unknown> | null;
  created_at: string;
};

const CursorShape = z.object({ c: CursorTime, i: CursorId });

/** The workspace's audit trail, newest first, with filters. */
export async function listAuditEvents(ctx: ActorContext, input: AuditListInput): Promise<Page<AuditRow>> {
  const data = parseInput(AuditListSchema, input);
  const and: Prisma.AuditEventWhereInput[] = [inWorkspace(ctx)];
  if (data.action) and.push({ action: data.action });
  if (data.outcome) and.push({ outcome: data.outcome });
  if (data.credential_id) and.push({ credentialId: data.credential_id });
  if (data.user_id) and.push({ actorUserId: data.user_id });
  if (data.via) and.push({ via: data.via });
  const cursor = decodeCursor(data.cursor, CursorShape);
  if (cursor)
    and.push({
      OR: [{ createdAt: { lt: new Date(cursor.c) } }, { createdAt: new Date(cursor.c), id: { lt: cursor.i } }],
    });
  const rows = await prisma.auditEvent.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: data.limit + 1,
    select: {
      id: true,
      action: true,
      outcome: true,
      via: true,
      credentialId: true,
      credentialKind: true,
      latencyMs: true,
      ip: true,
      details: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
  });
  const hasMore = rows.length > data.limit;
  const items = rows.slice(0, data.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.id,
      action: r.action,
      outcome: r.outcome,
      via: r.via,
      actor: r.actor,
      credential_id: r.credentialId,
      credential_kind: r.credentialKind,
      latency_ms: r.latencyMs,
      ip: r.ip,
      details: isRecord(r.details) ? r.details : null,
      created_at: r.createdAt.toISOString(),
    })),
    next_cursor: hasMore && last ? encodeCursor({ c: last.createdAt.toISOString(), i: last.id }) : null,
    has_more: hasMore,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
