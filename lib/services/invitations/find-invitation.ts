import "server-only";
import { prisma } from "@/lib/db";
import { hashToken, parseToken } from "@/lib/credentials/token-format";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type InvitationStatus = "valid" | "expired" | "used" | "revoked" | "invalid";

export type FoundInvitation = {
  status: InvitationStatus;
  invitation: {
    id: string;
    email: string;
    name: string | null;
    role: Role;
    expiresAt: Date;
    workspace: { id: string; name: string; slug: string };
  } | null;
  /** Whether the invited email already has a Deskbridge account (sign in to join, rather than create one). */
  accountExists: boolean;
};

const INVALID: FoundInvitation = { status: "invalid", invitation: null, accountExists: false };

/** What an invitation link leads to, for the public invitation page. */
export async function findInvitation(token: string): Promise<FoundInvitation> {
  if (parseToken(token) !== "invitation") return INVALID;
  const row = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { id: true, name: true, slug: true } },
    },
  });
  if (!row) return INVALID;
  const status: InvitationStatus = row.acceptedAt
    ? "used"
    : row.revokedAt
      ? "revoked"
      : row.expiresAt.getTime() <= Date.now()
        ? "expired"
        : "valid";
  const account = await prisma.user.findUnique({ where: { email: row.email }, select: { id: true } });
  const { acceptedAt: _accepted, revokedAt: _revoked, ...invitation } = row;
  return { status, invitation, accountExists: account !== null };
}

const REFUSALS: Record<Exclude<InvitationStatus, "valid">, string> = {
  invalid: "This invitation link is not valid. Check that you copied all of it, or ask an admin for a new one.",
  expired: "This invitation has expired. Ask an admin of the workspace for a new link.",
  used: "This invitation was already used. Sign in instead, or ask an admin for a new link.",
  revoked: "This invitation was withdrawn. Ask an admin of the workspace for a new link.",
};

/** The invitation behind a link that can still be accepted; a conflict naming why not otherwise. */
export async function usableInvitation(token: string): Promise<NonNullable<FoundInvitation["invitation"]>> {
  const found = await findInvitation(token);
  if (found.status === "valid" && found.invitation) return found.invitation;
  throw new AppError("conflict", REFUSALS[found.status === "valid" ? "invalid" : found.status]);
}

export function invitationRefusal(status: Exclude<InvitationStatus, "valid">): string {
  return REFUSALS[status];
}
