import "server-only";
import { prisma } from "@/lib/db";

/** Every workspace with its member and ticket counts (operator view). */
export async function listWorkspaces() {
  const rows = await prisma.workspace.findMany({
    orderBy: { slug: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      planTier: true,
      _count: { select: { memberships: true, tickets: true } },
    },
  });
  return rows.map((w) => ({
    id: w.id,
    slug: w.slug,
    name: w.name,
    plan: w.planTier,
    members: w._count.memberships,
    tickets: w._count.tickets,
  }));
}
