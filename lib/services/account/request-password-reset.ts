import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { generateToken, hashToken } from "@/lib/credentials/token-format";
import { getEnv } from "@/lib/env";
import { AppError, parseInput } from "@/lib/errors";
import { queueMail } from "@/lib/mail/queue-mail";
import { checkPerIpRateLimit, checkRateLimit } from "@/lib/rate-limit/limiter";
import { ForgotPasswordSchema, type ForgotPasswordInput } from "@/lib/validations/account";

/** How long a forgot-password link works. */
export const RESET_LINK_TTL_MS = 30 * 60_000;
/** Mails per account, whether it exists or not: a few tries, never a stream. */
const PER_ACCOUNT = { perSecond: 1, perMinute: 2, perDay: 10, oauthPerMinute: 0 };

/**
 * Mails a single-use link to set a new password. The caller learns nothing
 * about whether the address has an account: the answer is the same, and the
 * limits count every address alike.
 */
export async function requestPasswordReset(input: ForgotPasswordInput, from: { ip: string | null }): Promise<void> {
  const { email } = parseInput(ForgotPasswordSchema, input);
  const byIp = await checkPerIpRateLimit("password-reset", from.ip).catch(() => null);
  if (byIp && !byIp.allowed) {
    throw new AppError(
      "rate_limited",
      `Too many reset requests from your network. Try again in ${byIp.resetS} seconds.`,
    );
  }
  const account = createHash("sha256").update(email).digest("hex").slice(0, 32);
  const byAccount = await checkRateLimit({ identity: `password-reset:${account}`, limits: PER_ACCOUNT }).catch(
    () => null,
  );
  if (byAccount && !byAccount.allowed) return;

  const user = await prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      deactivatedAt: true,
      memberships: { where: { deactivatedAt: null }, select: { workspaceId: true }, take: 1 },
    },
  });
  // The mail goes out through a workspace the person belongs to; without one there is nothing to sign in to.
  const workspaceId = user?.memberships[0]?.workspaceId;
  if (!user || user.deactivatedAt || !workspaceId) return;

  const token = generateToken("password_reset");
  const reset = await prisma.passwordResetToken.create({
    data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_LINK_TTL_MS) },
    select: { id: true },
  });
  const link = `${getEnv().APP_URL}/reset-password?token=${token}`;
  await queueMail(
    {
      workspaceId,
      to: [email],
      subject: "Reset your Deskbridge password",
      text: [
        `Hello ${user.name},`,
        "",
        "Someone asked to reset the password of your Deskbridge account. To choose a new password, open:",
        link,
        "",
        "The link works once, for 30 minutes. If you did not ask for it, ignore this mail: your password stays as it is.",
      ].join("\n"),
      purpose: "password_reset",
    },
    { idempotencyKey: `password-reset:${reset.id}` },
  );
}
