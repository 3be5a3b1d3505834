import "server-only";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { AppError, parseInput } from "@/lib/errors";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { generatePassword } from "@/lib/services/users/generate-password";
import { AddMemberSchema, type AddMemberInput } from "@/lib/validations/workspaces";

/** Adds a user (created when new) to a workspace with a role, or changes their role. */
export async function addMember(input: AddMemberInput) {
  const data = parseInput(AddMemberSchema, input);
  const workspace = await prisma.workspace.findUnique({
    where: { slug: data.workspace },
    select: { id: true, slug: true },
  });
  if (!workspace) throw new AppError("not_found", `Workspace "${data.workspace}" does not exist.`);
  const user = await prisma.user.findUnique({ where: { email: data.email }, select: { id: true } });
  const password = user ? undefined : (data.password ?? generatePassword());
  const passwordHash = password ? await hashPassword(password) : undefined;
  const result = await prisma.$transaction(async (tx) => {
    const member = user
      ? user
      : await tx.user.create({
          data: { email: data.email, name: data.name ?? data.email.split("@")[0]!, passwordHash: passwordHash! },
          select: { id: true },
        });
    const membership = await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: member.id } },
      create: { workspaceId: workspace.id, userId: member.id, role: data.role },
      update: { role: data.role, deactivatedAt: null },
      select: { role: true },
    });
    return { userId: member.id, role: membership.role, generatedPassword: data.password ? undefined : password };
  });
  await announceAccessChange([workspace.id]);
  return result;
}
