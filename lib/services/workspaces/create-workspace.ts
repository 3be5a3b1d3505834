import "server-only";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { AppError, parseInput } from "@/lib/errors";
import { generatePassword } from "@/lib/services/users/generate-password";
import { CreateWorkspaceSchema, type CreateWorkspaceInput } from "@/lib/validations/workspaces";

/**
 * Creates a workspace and makes the given user its owner (creating the user
 * when new). Returns the generated password when one was made.
 */
export async function createWorkspace(input: CreateWorkspaceInput) {
  const data = parseInput(CreateWorkspaceSchema, input);
  const existing = await prisma.workspace.findUnique({ where: { slug: data.slug }, select: { id: true } });
  if (existing)
    throw new AppError("conflict", `A workspace with slug "${data.slug}" already exists.`, {
      fields: { slug: ["is taken"] },
    });
  const user = await prisma.user.findUnique({ where: { email: data.owner_email }, select: { id: true } });
  const password = user ? undefined : (data.owner_password ?? generatePassword());
  const passwordHash = password ? await hashPassword(password) : undefined;
  return prisma.$transaction(async (tx) => {
    const owner = user
      ? user
      : await tx.user.create({
          data: {
            email: data.owner_email,
            name: data.owner_name ?? data.owner_email.split("@")[0]!,
            passwordHash: passwordHash!,
          },
          select: { id: true },
        });
    const workspace = await tx.workspace.create({
      data: {
        name: data.name,
        slug: data.slug,
        planTier: data.plan,
        memberships: { create: { userId: owner.id, role: "owner" } },
      },
      select: { id: true, slug: true, name: true },
    });
    return { workspace, ownerId: owner.id, generatedPassword: data.owner_password ? undefined : password };
  });
}
