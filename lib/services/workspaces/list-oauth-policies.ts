import "server-only";
import { prisma } from "@/lib/db";

/** Who may authorize OAuth apps in each of a user's workspaces (the consent screen's choice of workspace). */
export async function listOAuthPolicies(workspaces: readonly { id: string }[]) {
  return prisma.workspace.findMany({
    where: { id: { in: workspaces.map((w) => w.id) } },
    select: { id: true, oauthAuthorizePolicy: true },
  });
}
