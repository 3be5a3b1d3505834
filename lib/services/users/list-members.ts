import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";

/**
 * Everyone who joined the workspace, active first, by name, with how many live tokens and keys and
 * authorized apps each holds here (the admin's agent list).
 */
export async function listMembers(ctx: Pick<ActorContext, "workspaceId">) {
  const now = new Date();
  return prisma.membership.findMany({
    where: inWorkspace(ctx),
    orderBy: [{ deactivatedAt: { sort: "desc", nulls: "first" } }, { user: { name: "asc" } }],
    select: {
      role: true,
      deactivatedAt: true,
      status: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          avatarKey: true,
          _count: {
            select: {
              credentials: {
                where: {
                  ...inWorkspace(ctx),
                  revokedAt: null,
                  OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
                },
              },
              oauthGrants: { where: { ...inWorkspace(ctx), revokedAt: null } },
            },
          },
        },
      },
    },
  });
}
