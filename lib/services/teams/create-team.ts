import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { CreateTeamSchema, type CreateTeamInput } from "@/lib/validations/users";

export async function createTeam(ctx: ActorContext, input: CreateTeamInput) {
  const data = parseInput(CreateTeamSchema, input);
  const taken = await prisma.team.findUnique({
    where: { workspaceId_name: { ...inWorkspace(ctx), name: data.name } },
    select: { id: true },
  });
  if (taken)
    throw new AppError("conflict", `A team named "${data.name}" already exists.`, { fields: { name: ["is taken"] } });
  const team = await prisma.team.create({
    data: { ...inWorkspace(ctx), name: data.name, description: data.description },
    select: { id: true, name: true, description: true },
  });
  await recordAudit(ctx, { action: "team.create", details: { team_id: team.id } });
  return team;
}
