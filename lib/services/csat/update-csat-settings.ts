import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { CsatSettingsSchema, type CsatSettingsInput } from "@/lib/validations/csat";

/** The workspace's CSAT scale. Requests already sent keep the scale they were sent with. */
export async function updateCsatSettings(ctx: ActorContext, input: CsatSettingsInput) {
  const data = parseInput(CsatSettingsSchema, input);
  if (!roleAtLeast(ctx.role, "admin"))
    throw new AppError("admin_required", "Only admins and owners change the CSAT scale.");
  const before = await prisma.workspace.findUniqueOrThrow({
    where: { id: ctx.workspaceId },
    select: { csatScale: true },
  });
  await prisma.workspace.update({ where: { id: ctx.workspaceId }, data: { csatScale: data.scale } });
  await recordAudit(ctx, { action: "csat.settings", details: { scale: { from: before.csatScale, to: data.scale } } });
  return { scale: data.scale, changed: before.csatScale !== data.scale };
}
