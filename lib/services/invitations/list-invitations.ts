import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";

/** Pending invitations of the workspace (expired ones too, so an admin can send a new link), newest first. */
export async function listInvitations(ctx: ActorContext) {
  const rows = await prisma.invitation.findMany({
    where: { ...inWorkspace(ctx), acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      createdBy: { select: { name: true } },
    },
  });
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    invited_by: r.createdBy?.name ?? null,
    created_at: r.createdAt.toISOString(),
    expires_at: r.expiresAt.toISOString(),
    expired: r.expiresAt.getTime() <= now,
  }));
}
