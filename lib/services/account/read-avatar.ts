import "server-only";
import { prisma } from "@/lib/db";
import { getStorage, StoredFileMissing } from "@/lib/storage";

/** A person's profile picture and its type, or null when they have none. */
export async function readAvatar(userId: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { avatarKey: true, avatarType: true } });
  if (!user?.avatarKey || !user.avatarType) return null;
  try {
    return { bytes: await getStorage().get(user.avatarKey), contentType: user.avatarType };
  } catch (error) {
    if (error instanceof StoredFileMissing) return null;
    throw error;
  }
}
