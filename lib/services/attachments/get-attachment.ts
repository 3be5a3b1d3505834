import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { ATTACHMENT_SELECT, toAttachmentJson } from "@/lib/services/attachments/shared";
import { isText } from "@/lib/services/attachments/sniff";
import { getStorage } from "@/lib/storage";
import { AttachmentRefSchema, INLINE_TEXT_BYTES, type AttachmentRefInput } from "@/lib/validations/attachments";

/** One attachment of the workspace: its metadata, a signed download link and, for short text files, the text. */
export async function getAttachment(ctx: ActorContext, input: AttachmentRefInput) {
  const { id } = parseInput(AttachmentRefSchema, input);
  const attachment = await prisma.attachment.findFirst({
    where: { ...inWorkspace(ctx), id },
    select: { ...ATTACHMENT_SELECT, storageKey: true },
  });
  if (!attachment) throw notFound(`Attachment ${id}`);
  const inline = isText(attachment.contentType) && attachment.size <= INLINE_TEXT_BYTES;
  const text = inline ? (await getStorage().get(attachment.storageKey)).toString("utf8") : null;
  return { ...toAttachmentJson(attachment), text };
}
