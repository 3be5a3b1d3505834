import "server-only";
import { generateToken, hashToken } from "@/lib/credentials/token-format";
import { getEnv } from "@/lib/env";

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 86_400_000;

/**
 * A fresh invitation secret: only its hash is stored; the link carrying it is
 * shown once, to the admin in the web app, and never in a tool result.
 */
export function issueInvitationToken(now = new Date()) {
  const token = generateToken("invitation");
  return {
    tokenHash: hashToken(token),
    link: `${getEnv().APP_URL}/invite/${token}`,
    expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
  };
}
