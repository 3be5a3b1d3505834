// Demo attachments: a screenshot, an error log or an invoice PDF under the customer's first message
// of a few tickets, so the ticket page shows previews and downloads from the start.
import { createHash, randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import { prisma } from "@/lib/db";
import { sniffContentType } from "@/lib/services/attachments/sniff";
import { getStorage } from "@/lib/storage";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A small "screenshot": a window with a title bar and a red error banner, as an RGB PNG. */
function screenshotPng(width = 160, height = 96): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const [r, g, b] =
        y < 12 ? [71, 85, 105] : y > 40 && y < 58 && x > 16 && x < width - 16 ? [225, 29, 72] : [248, 250, 252];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const ERROR_LOG = `2026-11-28T09:14:02Z INFO  export started (format=csv, rows=48211)
2026-11-28T09:14:32Z WARN  upstream slow: 30012 ms
2026-11-28T09:14:32Z ERROR 504 Gateway Timeout from export-worker-2
`;

/** A one-page PDF with a line of text. */
function invoicePdf(): Buffer {
  const text = "Invoice INV-2026-1142 - charged twice on 2026-11-27";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${text.length + 36} >>\nstream\nBT /F1 12 Tf 24 100 Td (${text}) Tj ET\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

const FILES = [
  { filename: "error-screenshot.png", bytes: screenshotPng() },
  { filename: "export-error.log", bytes: Buffer.from(ERROR_LOG) },
  { filename: "invoice-INV-2026-1142.pdf", bytes: invoicePdf() },
];

export async function seedAttachments(options: { workspaceId: string; tickets?: number }) {
  const { workspaceId } = options;
  const tickets = await prisma.ticket.findMany({
    where: { workspaceId },
    orderBy: { number: "desc" },
    take: options.tickets ?? 9,
    select: {
      id: true,
      messages: {
        where: { authorType: "contact" },
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { id: true, authorContactId: true, createdAt: true },
      },
    },
  });
  const storage = getStorage();
  let count = 0;
  for (const [i, ticket] of tickets.entries()) {
    const message = ticket.messages[0];
    if (!message) continue;
    const file = FILES[i % FILES.length]!;
    const storageKey = `${workspaceId}/${ticket.id}/${randomBytes(16).toString("hex")}`;
    await storage.put(storageKey, file.bytes);
    await prisma.attachment.create({
      data: {
        workspaceId,
        ticketId: ticket.id,
        messageId: message.id,
        uploaderContactId: message.authorContactId,
        filename: file.filename,
        contentType: sniffContentType(file.bytes),
        size: file.bytes.length,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        storageKey,
        via: "system",
        createdAt: message.createdAt,
      },
    });
    count++;
  }
  return count;
}
