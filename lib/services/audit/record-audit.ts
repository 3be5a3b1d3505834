import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditOptions = {
  action: string;
  outcome?: string;
  latencyMs?: number;
  /** Identifiers and names only: never secrets or full tool arguments. */
  details?: Prisma.InputJsonValue;
};

/** Writes one audit event for the actor's workspace. */
export async function recordAudit(ctx: ActorContext, options: AuditOptions) {
  await prisma.auditEvent.create({ data: auditRow(ctx, options) });
}

export function auditRow(ctx: ActorContext, options: AuditOptions): Prisma.AuditEventCreateManyInput {
  return {
    workspaceId: ctx.workspaceId,
    actorUserId: ctx.userId,
    credentialId: ctx.credential?.id ?? null,
    credentialKind: ctx.credential?.kind ?? (ctx.via === "web" ? "session" : null),
    via: ctx.via,
    action: options.action,
    outcome: options.outcome ?? "ok",
    latencyMs: options.latencyMs ?? null,
    ip: ctx.ip ?? null,
    details: options.details,
  };
}
