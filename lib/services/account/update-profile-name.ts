import "server-only";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { recordAccountAudit } from "@/lib/services/account/account-audit";
import type { AccountActor } from "@/lib/services/account/shared";
import { UpdateProfileNameSchema, type UpdateProfileNameInput } from "@/lib/validations/account";

/** Renames the person everywhere their name shows (tickets, lists, the app bar). */
export async function updateProfileName(actor: AccountActor, input: UpdateProfileNameInput) {
  const { name } = parseInput(UpdateProfileNameSchema, input);
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    if (before.name === name) return { name, changed: false };
    await tx.user.update({ where: { id: actor.userId }, data: { name } });
    await recordAccountAudit(actor.userId, {
      action: "account.name_changed",
      ip: actor.ip,
      details: { from: before.name, to: name },
      tx,
    });
    return { name, changed: true };
  });
}
