// The content type of a file, read from its first bytes (magic numbers), never from what a
// client claims. Only these types are ever stored; anything else is application/octet-stream.

export const INLINE_IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export const TEXT_TYPE = "text/plain; charset=utf-8";
export const BINARY_TYPE = "application/octet-stream";

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Text when the bytes are UTF-8 without NULs or control characters other than tab, line breaks, form feed and escape. */
function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/.test(text);
}

export function sniffContentType(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  if (
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) ||
    startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) ||
    startsWith(bytes, [0x50, 0x4b, 0x07, 0x08])
  )
    return "application/zip";
  if (isUtf8Text(bytes)) return TEXT_TYPE;
  return BINARY_TYPE;
}

// A client's type is believed only where it names a kind of the sniffed family that is served the
// same way (as a download): a zip that is an Office document, plain text that is CSV or Markdown.
const REFINEMENTS: Record<string, readonly string[]> = {
  "application/zip": [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/epub+zip",
  ],
  [TEXT_TYPE]: ["text/csv", "text/markdown"],
};

/** The sniffed type, or the client's hint where it only narrows the sniffed family (see REFINEMENTS). */
export function contentTypeOf(bytes: Uint8Array, hint?: string | null): string {
  const sniffed = sniffContentType(bytes);
  const wanted = hint?.split(";")[0]?.trim().toLowerCase();
  if (wanted && REFINEMENTS[sniffed]?.includes(wanted))
    return sniffed === TEXT_TYPE ? `${wanted}; charset=utf-8` : wanted;
  return sniffed;
}

/** Images the browser may show inline (never SVG or HTML, which can carry script). */
export function isInlineImage(contentType: string): boolean {
  return (INLINE_IMAGE_TYPES as readonly string[]).includes(contentType);
}

export function isText(contentType: string): boolean {
  return contentType.startsWith("text/");
}

/**
 * A name safe to store and to put in a header: the last path segment, without control
 * characters, at most 255 characters; "file" when nothing is left.
 */
export function safeFilename(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? "";
  const cleaned = last.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  const trimmed = cleaned.replace(/^\.+$/, "");
  return (trimmed || "file").slice(0, 255);
}
