// Plain text to a mail's HTML part: every character escaped, so nothing in a message can become
// markup (the part is sanitized by construction), with paragraphs, line breaks and links kept.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function linkify(escaped: string): string {
  return escaped.replace(/\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`);
}

/** The HTML part of a text message: escaped, paragraphs and line breaks kept, http(s) links clickable. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${linkify(escapeHtml(p)).replace(/\n/g, "<br>\n")}</p>`);
  return `<!doctype html><html><body style="font-family: sans-serif; font-size: 14px; line-height: 1.5">\n${paragraphs.join("\n")}\n</body></html>`;
}

/** "Re: subject", without stacking prefixes. */
export function replySubject(subject: string): string {
  return /^re:/i.test(subject.trim()) ? subject.trim() : `Re: ${subject.trim()}`;
}

/** A display name safe inside a quoted header word. */
export function mailbox(name: string, address: string): string {
  const clean = name.replace(/["\\\r\n<>]/g, "").trim();
  return clean ? `"${clean}" <${address}>` : address;
}
