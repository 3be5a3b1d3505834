import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveSecretKey, getEnv } from "@/lib/env";

// A download link is /api/v1/attachments/<id>?exp=<unix seconds>&sig=<HMAC>. The HMAC covers the
// attachment's workspace, its id and the expiry under a key derived from AUTH_SECRET for this purpose
// only, so a link works for its one file until it expires, and nothing in the database can forge one.

/** How long a download link works. */
export const DOWNLOAD_LINK_SECONDS = 60 * 60;

const PURPOSE = "attachment-download";

function signatureOf(workspaceId: string, id: string, exp: number): string {
  return createHmac("sha256", deriveSecretKey(PURPOSE)).update(`${workspaceId}.${id}.${exp}`).digest("base64url");
}

export type SignedDownload = { url: string; path: string; expiresAt: Date };

export function signAttachmentUrl(
  attachment: { id: string; workspaceId: string },
  options: { now?: Date; seconds?: number } = {},
): SignedDownload {
  const now = options.now ?? new Date();
  const exp = Math.floor(now.getTime() / 1000) + (options.seconds ?? DOWNLOAD_LINK_SECONDS);
  const sig = signatureOf(attachment.workspaceId, attachment.id, exp);
  const path = `/api/v1/attachments/${encodeURIComponent(attachment.id)}?exp=${exp}&sig=${sig}`;
  return { url: `${getEnv().APP_URL}${path}`, path, expiresAt: new Date(exp * 1000) };
}

export type LinkCheck = "ok" | "expired" | "invalid";

/**
 * Whether a link's exp and sig are right for this attachment (compared in constant time), and
 * still in time. A wrong signature is "invalid" whatever the time, so expiry says nothing about forgeries.
 */
export function checkAttachmentLink(
  attachment: { id: string; workspaceId: string },
  exp: string | null,
  sig: string | null,
  now = new Date(),
): LinkCheck {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return "invalid";
  const expected = Buffer.from(signatureOf(attachment.workspaceId, attachment.id, Number(exp)));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  return Number(exp) * 1000 > now.getTime() ? "ok" : "expired";
}
