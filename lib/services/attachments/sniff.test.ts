import { describe, expect, it } from "vitest";
import { contentTypeOf, isInlineImage, safeFilename, sniffContentType } from "@/lib/services/attachments/sniff";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("sniffContentType", () => {
  it("reads the common types from their first bytes", () => {
    expect(sniffContentType(bytes([0x89], "PNG\r\n\x1a\n", [0, 0, 0, 13]))).toBe("image/png");
    expect(sniffContentType(bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF"))).toBe("image/jpeg");
    expect(sniffContentType(bytes("GIF89a", [1, 0, 1, 0]))).toBe("image/gif");
    expect(sniffContentType(bytes("GIF87a", [1, 0]))).toBe("image/gif");
    expect(sniffContentType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toBe("image/webp");
    expect(sniffContentType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffContentType(bytes("PK", [3, 4, 20, 0]))).toBe("application/zip");
    expect(sniffContentType(bytes("PK", [5, 6], [0, 0, 0, 0]))).toBe("application/zip");
    expect(sniffContentType(new TextEncoder().encode("Grüße, the export failed at 10:42\r\n\tsee log"))).toBe(
      "text/plain; charset=utf-8",
    );
  });

  it("calls anything else binary, whatever its name or claimed type", () => {
    expect(sniffContentType(bytes([0, 1, 2, 3, 0xfe, 0xff]))).toBe("application/octet-stream");
    expect(sniffContentType(bytes([0xc3, 0x28]))).toBe("application/octet-stream"); // broken UTF-8
    expect(sniffContentType(bytes("text with a NUL", [0]))).toBe("application/octet-stream");
    expect(sniffContentType(new Uint8Array())).toBe("application/octet-stream");
    // A RIFF that is not WebP (a WAV file) is not an image.
    expect(sniffContentType(bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toBe("application/octet-stream");
  });

  it("never makes SVG or HTML an image: they are text, served as a download", () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = new TextEncoder().encode("<!doctype html><script>alert(1)</script>");
    expect(contentTypeOf(svg, "image/svg+xml")).toBe("text/plain; charset=utf-8");
    expect(contentTypeOf(html, "text/html")).toBe("text/plain; charset=utf-8");
    expect(isInlineImage(contentTypeOf(svg, "image/svg+xml"))).toBe(false);
  });
});

describe("contentTypeOf", () => {
  it("believes a client's type only where it narrows the sniffed family", () => {
    const zip = bytes("PK", [3, 4, 20, 0]);
    const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    expect(contentTypeOf(zip, docx)).toBe(docx);
    expect(contentTypeOf(new TextEncoder().encode("a,b\n1,2\n"), "text/csv")).toBe("text/csv; charset=utf-8");
    // A PNG claimed to be a PDF is a PNG; bytes claimed to be a PNG are not.
    expect(contentTypeOf(bytes([0x89], "PNG\r\n\x1a\n"), "application/pdf")).toBe("image/png");
    expect(contentTypeOf(bytes([0, 1, 2]), "image/png")).toBe("application/octet-stream");
  });
});

describe("isInlineImage", () => {
  it("shows only PNG, JPEG, GIF and WebP inline", () => {
    for (const type of ["image/png", "image/jpeg", "image/gif", "image/webp"]) expect(isInlineImage(type)).toBe(true);
    for (const type of ["image/svg+xml", "text/html", "application/pdf", "text/plain; charset=utf-8"])
      expect(isInlineImage(type)).toBe(false);
  });
});

describe("safeFilename", () => {
  it("keeps the last path segment without control characters or quotes", () => {
    expect(safeFilename("../../etc/passwd")).toBe("passwd");
    expect(safeFilename("C:\\Users\\sam\\report.pdf")).toBe("report.pdf");
    expect(safeFilename('in"voice\r\n.pdf')).toBe("invoice.pdf");
    expect(safeFilename("..")).toBe("file");
    expect(safeFilename("   ")).toBe("file");
    expect(safeFilename("x".repeat(300))).toHaveLength(255);
  });
});
