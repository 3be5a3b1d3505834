import "server-only";
import { prisma } from "@/lib/db";
import type { AccountActor } from "@/lib/services/account/shared";

/** Whether two-factor sign-in is on, and how many recovery codes are left. */
export async function describeTwoFactor(actor: Pick<AccountActor, "userId">) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { twoFactorEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  return {
    enabled: user.twoFactorEnabledAt !== null,
    enabled_at: user.twoFactorEnabledAt?.toISOString() ?? null,
    recovery_codes_left: user._count.recoveryCodes,
  };
}
