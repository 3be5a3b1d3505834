import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAccountAudit } from "@/lib/services/account/account-audit";
import type { AccountActor } from "@/lib/services/account/shared";
import { getStorage } from "@/lib/storage";

/** Removes the profile picture: initials show again, and the file leaves storage once the change is saved. */
export async function removeAvatar(actor: AccountActor): Promise<void> {
  const previous = await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { avatarKey: true } });
    if (!before.avatarKey) throw new AppError("conflict", "You have no profile picture to remove.");
    await tx.user.update({ where: { id: actor.userId }, data: { avatarKey: null, avatarType: null } });
    await recordAccountAudit(actor.userId, { action: "account.avatar_removed", ip: actor.ip, tx });
    return before.avatarKey;
  });
  await getStorage()
    .delete(previous)
    .catch(() => undefined);
}
