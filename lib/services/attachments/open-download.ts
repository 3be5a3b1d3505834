import "server-only";
import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { checkAttachmentLink } from "@/lib/services/attachments/signed-url";
import { isInlineImage } from "@/lib/services/attachments/sniff";
import { getStorage, StoredFileMissing } from "@/lib/storage";

export type OpenDownloadOptions = {
  id: string;
  exp: string | null;
  sig: string | null;
  /** The signed-in user's active workspace, when there is a session: a link to another workspace's file is refused. */
  sessionWorkspaceId: string | null;
};

/**
 * The file behind a signed download link. Unknown ids, wrong signatures and files of another
 * workspace than the session's all answer the same not_found, so a link reveals nothing; an
 * expired link with a right signature says it expired.
 */
export async function openDownload(options: OpenDownloadOptions) {
  const missing = () => notFound("Attachment");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(options.id)) throw missing();
  const attachment = await prisma.attachment.findUnique({
    where: { id: options.id },
    select: { id: true, workspaceId: true, filename: true, contentType: true, size: true, storageKey: true },
  });
  if (!attachment) throw missing();
  const check = checkAttachmentLink(attachment, options.exp, options.sig);
  if (check === "invalid") throw missing();
  if (options.sessionWorkspaceId && options.sessionWorkspaceId !== attachment.workspaceId) throw missing();
  if (check === "expired")
    throw new AppError("forbidden", "This download link has expired. Open the ticket again for a fresh one.");
  let body: ReadableStream<Uint8Array>;
  try {
    body = await getStorage().stream(attachment.storageKey);
  } catch (error) {
    if (error instanceof StoredFileMissing) throw missing();
    throw error;
  }
  return {
    body,
    filename: attachment.filename,
    contentType: attachment.contentType,
    size: attachment.size,
    inline: isInlineImage(attachment.contentType),
  };
}
