import "server-only";
import QRCode from "qrcode";
import { prisma } from "@/lib/db";
import { canEncrypt, encryptSecret } from "@/lib/credentials/encryption";
import { newTotpSecret, totpUri } from "@/lib/auth/totp";
import { AppError } from "@/lib/errors";
import type { AccountActor } from "@/lib/services/account/shared";

export type TwoFactorEnrolment = { secret: string; uri: string; qr_data_url: string };

/**
 * Makes a new seed for the person's authenticator app and keeps it, sealed,
 * until a code from it is checked; two-factor sign-in is not on before that.
 */
export async function beginTwoFactorEnrolment(actor: AccountActor): Promise<TwoFactorEnrolment> {
  if (!canEncrypt()) {
    throw new AppError(
      "unavailable",
      "Two-factor sign-in needs SECRET_ENCRYPTION_KEY, which this server does not have.",
    );
  }
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, twoFactorEnabledAt: true },
  });
  if (user.twoFactorEnabledAt) throw new AppError("conflict", "Two-factor sign-in is already on.");
  const secret = newTotpSecret();
  await prisma.user.update({ where: { id: actor.userId }, data: { twoFactorPending: encryptSecret(secret) } });
  const uri = totpUri(secret, user.email);
  return { secret, uri, qr_data_url: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) };
}
