import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from "@/lib/validations/tickets";

/** The vocabulary a client needs before filtering or changing tickets. */
export async function getWorkspaceMetadata(ctx: ActorContext) {
  const [workspace, teams, tags] = await Promise.all([
    prisma.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { name: true, slug: true, planTier: true },
    }),
    prisma.team.findMany({ where: inWorkspace(ctx), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.tag.findMany({ where: inWorkspace(ctx), orderBy: { name: "asc" }, select: { name: true } }),
  ]);
  return {
    workspace: { name: workspace.name, slug: workspace.slug, plan: workspace.planTier },
    statuses: [...TICKET_STATUSES],
    priorities: [...TICKET_PRIORITIES],
    channels: [...CHANNELS],
    teams,
    tags: tags.map((t) => t.name),
  };
}
