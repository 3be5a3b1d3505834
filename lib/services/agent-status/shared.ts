import "server-only";
import { AppError } from "@/lib/errors";
import type { ActorContext } from "@/lib/context";
import type { AgentStatus } from "@/lib/generated/prisma/enums";

/** A status is a person's own: org-level keys have nobody to speak for. */
export function requireUserId(ctx: ActorContext, what: string): string {
  if (!ctx.userId) throw new AppError("user_required", `${what} needs a user: use a personal token or sign in.`);
  return ctx.userId;
}

/** One member's status as tools and pages show it. */
export function statusJson(row: { status: AgentStatus; statusChangedAt: Date | null }) {
  return { status: row.status, changed_at: row.statusChangedAt?.toISOString() ?? null };
}
