// The part of a reply its sender wrote: quoted history and the signature trimmed off. The stored
// message keeps this; the mail's full text stays on its EmailMessage row.

const QUOTE_HEADERS = [
  /^On .{1,200}wrote:\s*$/i, // Gmail, Apple Mail, Thunderbird
  /^Le .{1,200}a écrit\s*:\s*$/i,
  /^Am .{1,200}schrieb .{1,200}:\s*$/i,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/i, // Outlook
  /^_{5,}\s*$/, // Outlook's rule above the quoted header block
  /^From:\s.+$/i, // a forwarded or quoted header block
  /^-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
];

const SIGNATURE_STARTS = [
  /^-- ?$/, // the RFC 3676 delimiter
  /^Sent from my \w+/i,
  /^Get Outlook for /i,
];

/** The new text of a mail body: up to the first quote header, quoted line block or signature. */
export function trimReplyText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    const next = lines[i + 1]?.trim() ?? "";
    const wrappedHeader = /^On\s/i.test(trimmed) && /wrote:\s*$/i.test(next);
    const quotedToEnd =
      trimmed.startsWith(">") && lines.slice(i).every((l) => l.trim() === "" || l.trim().startsWith(">"));
    if (
      wrappedHeader ||
      quotedToEnd ||
      SIGNATURE_STARTS.some((re) => re.test(line)) ||
      QUOTE_HEADERS.some((re) => re.test(trimmed))
    ) {
      end = i;
      break;
    }
  }
  return lines.slice(0, end).join("\n").trim();
}
