import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditRow } from "@/lib/services/audit/record-audit";

export type AccountAuditOptions = {
  action: string;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
  /** The transaction the change runs in, so the record and the change land together. */
  tx?: Prisma.TransactionClient;
};

/**
 * A change to a person's own account (password, two-factor, sessions) belongs
 * to no single workspace: each workspace they are an active member of gets
 * the record, so its admins see it in their audit log.
 */
export async function recordAccountAudit(userId: string, options: AccountAuditOptions): Promise<void> {
  const db = options.tx ?? prisma;
  const memberships = await db.membership.findMany({
    where: { userId, deactivatedAt: null },
    select: { workspaceId: true, role: true },
  });
  if (memberships.length === 0) return;
  await db.auditEvent.createMany({
    data: memberships.map((m) =>
      auditRow(
        { workspaceId: m.workspaceId, userId, role: m.role, via: "web", ip: options.ip ?? null },
        { action: options.action, details: options.details },
      ),
    ),
  });
}
