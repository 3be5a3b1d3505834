import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isInlineImage } from "@/lib/services/attachments/sniff";
import { signAttachmentUrl } from "@/lib/services/attachments/signed-url";

/** The fields every attachment answer shows. */
export const ATTACHMENT_SELECT = {
  id: true,
  workspaceId: true,
  messageId: true,
  filename: true,
  contentType: true,
  size: true,
  sha256: true,
  via: true,
  createdAt: true,
  ticket: { select: { number: true } },
  uploaderUser: { select: { id: true, name: true } },
  uploaderContact: { select: { id: true, name: true } },
} satisfies Prisma.AttachmentSelect;

export type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof ATTACHMENT_SELECT }>;

export type AttachmentJson = {
  id: string;
  ticket: number;
  message_id: string | null;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  inline_preview: boolean;
  uploaded_by: { type: "agent" | "contact"; id: string; name: string } | null;
  via: string;
  created_at: string;
  download_url: string;
  download_url_expires_at: string;
};

/** An attachment as tools and pages read it, with a fresh signed download link. */
export function toAttachmentJson(a: AttachmentRow, now = new Date()): AttachmentJson {
  const link = signAttachmentUrl(a, { now });
  return {
    id: a.id,
    ticket: a.ticket.number,
    message_id: a.messageId,
    filename: a.filename,
    content_type: a.contentType,
    size: a.size,
    sha256: a.sha256,
    inline_preview: isInlineImage(a.contentType),
    uploaded_by: a.uploaderUser
      ? { type: "agent", ...a.uploaderUser }
      : a.uploaderContact
        ? { type: "contact", ...a.uploaderContact }
        : null,
    via: a.via,
    created_at: a.createdAt.toISOString(),
    download_url: link.url,
    download_url_expires_at: link.expiresAt.toISOString(),
  };
}
