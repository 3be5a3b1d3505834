import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { AUTOMATION_SELECT, automationJson } from "@/lib/services/automations/shared";
import { ListAutomationsSchema, type ListAutomationsInput } from "@/lib/validations/automations";

/** The workspace's rules in the order they run. */
export async function listAutomations(ctx: ActorContext, input: ListAutomationsInput = {}) {
  const { trigger } = parseInput(ListAutomationsSchema, input);
  const rows = await prisma.automationRule.findMany({
    where: { ...inWorkspace(ctx), ...(trigger ? { trigger } : {}) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: AUTOMATION_SELECT,
  });
  return { items: rows.map(automationJson) };
}
