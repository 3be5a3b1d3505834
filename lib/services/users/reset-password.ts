import "server-only";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { notFound, parseInput } from "@/lib/errors";
import { revokeWebSessions } from "@/lib/services/account/revoke-web-sessions";
import { generatePassword } from "@/lib/services/users/generate-password";
import { ResetPasswordSchema, type ResetPasswordInput } from "@/lib/validations/workspaces";

/** Sets a new password (generated when none is given) and returns it once; every web session of the account ends. */
export async function resetPassword(input: ResetPasswordInput) {
  const data = parseInput(ResetPasswordSchema, input);
  const password = data.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (!user) throw notFound(`User ${data.email}`);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await revokeWebSessions(user.id, { tx });
  });
  return { password };
}
