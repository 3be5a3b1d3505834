import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { findEditableView } from "@/lib/services/views/view-access";
import { ViewRefSchema } from "@/lib/validations/views";

/** Deletes a saved view; its tickets are untouched. */
export async function deleteView(ctx: ActorContext, input: { view_id: string }) {
  const { view_id } = parseInput(ViewRefSchema, input);
  const view = await findEditableView(ctx, view_id);
  await prisma.savedView.delete({ where: { id: view.id } });
  await recordAudit(ctx, { action: "view.delete", details: { view_id: view.id } });
  return { id: view.id, name: view.name, deleted: true };
}
