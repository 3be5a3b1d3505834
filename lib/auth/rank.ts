import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

// The rank rule for acting on someone else's access (revoking their tokens and
// apps, offboarding, changing their role): owners act on everyone, admins on
// admins and agents, agents on no one but themselves. An org-level key acts as
// an admin.

export function mayActOn(actorRole: Role | null | undefined, targetRole: Role | null | undefined): boolean {
  if (actorRole === "owner") return true;
  if (actorRole === "admin") return targetRole !== "owner";
  return false;
}

export type Actor = { userId: string | null; role: Role | null };
/** Whose access is affected; role null when they hold no membership here any more. */
export type Target = { userId: string | null; role: Role | null };

/**
 * Throws owner_required or admin_required unless the actor may act on the
 * target. `ownerAction` completes "Only an owner can …", e.g. "revoke an
 * owner's personal token". Acting on oneself is always allowed here; callers
 * that forbid it say so.
 */
export function requireMayActOn(actor: Actor, target: Target, ownerAction: string): void {
  if (target.userId !== null && target.userId === actor.userId) return;
  if (mayActOn(actor.role, target.role)) return;
  if (target.role === "owner") throw new AppError("owner_required", `Only an owner can ${ownerAction}.`);
  throw new AppError("admin_required", "Only admins and owners can change someone else's access.");
}
