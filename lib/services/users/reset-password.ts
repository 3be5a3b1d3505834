import "server-only";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { notFound, parseInput } from "@/lib/errors";
import { generatePassword } from "@/lib/services/users/generate-password";
import { ResetPasswordSchema, type ResetPasswordInput } from "@/lib/validations/workspaces";

/** Sets a new password (generated when none is given) and returns it once. */
export async function resetPassword(input: ResetPasswordInput) {
  const data = parseInput(ResetPasswordSchema, input);
  const password = data.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const updated = await prisma.user.updateMany({ where: { email: data.email }, data: { passwordHash } });
  if (updated.count === 0) throw notFound(`User ${data.email}`);
  return { password };
}
