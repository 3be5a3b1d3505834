import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAccountAudit } from "@/lib/services/account/account-audit";
import { avatarUrl } from "@/lib/services/account/avatar-url";
import type { AccountActor } from "@/lib/services/account/shared";
import { sniffContentType } from "@/lib/services/attachments/sniff";
import { getStorage } from "@/lib/storage";
import { AVATAR_TYPES, MAX_AVATAR_BYTES } from "@/lib/validations/account";
import { formatBytes } from "@/lib/validations/attachments";

const refuse = (message: string) => new AppError("validation_error", `${message}.`, { fields: { avatar: [message] } });

/**
 * Stores a new profile picture in file storage: an image (PNG, JPEG, WebP or
 * GIF, read from its bytes, never from the name) of at most 1 MB. The old one
 * is removed once the new one is in place.
 */
export async function setAvatar(actor: AccountActor, bytes: Uint8Array): Promise<{ avatar_url: string }> {
  if (bytes.byteLength === 0) throw refuse("Choose an image file");
  if (bytes.byteLength > MAX_AVATAR_BYTES) {
    throw refuse(`The picture is larger than ${formatBytes(MAX_AVATAR_BYTES)}, the limit for a profile picture`);
  }
  const contentType = sniffContentType(bytes);
  if (!(AVATAR_TYPES as readonly string[]).includes(contentType)) {
    throw refuse("The picture must be a PNG, JPEG, WebP or GIF image");
  }
  const key = `avatars/${actor.userId}/${randomBytes(12).toString("hex")}`;
  const storage = getStorage();
  await storage.put(key, bytes, { contentType });
  let previous: string | null;
  try {
    previous = await prisma.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { avatarKey: true } });
      await tx.user.update({ where: { id: actor.userId }, data: { avatarKey: key, avatarType: contentType } });
      await recordAccountAudit(actor.userId, {
        action: "account.avatar_changed",
        ip: actor.ip,
        details: { content_type: contentType, bytes: bytes.byteLength },
        tx,
      });
      return before.avatarKey;
    });
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
  if (previous) await storage.delete(previous).catch(() => undefined);
  return { avatar_url: avatarUrl(actor.userId, key)! };
}
