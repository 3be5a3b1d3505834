import "server-only";
import { prisma } from "@/lib/db";
import { recordAccountAudit } from "@/lib/services/account/account-audit";
import { revokeWebSessions } from "@/lib/services/account/revoke-web-sessions";
import type { AccountActor } from "@/lib/services/account/shared";

/** Ends every web session of the person, this one included; API keys, tokens and app connections stay. */
export async function signOutEverywhere(actor: AccountActor): Promise<{ ended: number }> {
  return prisma.$transaction(async (tx) => {
    const ended = await revokeWebSessions(actor.userId, { tx });
    await recordAccountAudit(actor.userId, {
      action: "account.sessions_revoked",
      ip: actor.ip,
      details: { ended },
      tx,
    });
    return { ended };
  });
}
