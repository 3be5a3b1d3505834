import { describe, expect, it } from "vitest";
import { AddAttachmentSchema, base64DecodedLength, MAX_BASE64_ATTACHMENT_BYTES } from "@/lib/validations/attachments";

const issuesOf = (input: unknown) => {
  const parsed = AddAttachmentSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("AddAttachmentSchema", () => {
  it("takes standard and URL-safe base64, with line breaks", () => {
    expect(issuesOf({ ticket: 1, filename: "a.txt", content_base64: "aGVs\nbG8=" })).toEqual([]);
    expect(issuesOf({ ticket: 1, filename: "a.bin", content_base64: "-_-_" })).toEqual([]);
  });

  it("names the field for bad base64, an empty file and a file over the cap", () => {
    expect(issuesOf({ ticket: 1, filename: "a.txt", content_base64: "not base64!" })).toEqual([
      expect.stringMatching(/^content_base64: content_base64 is not valid base64/),
    ]);
    expect(issuesOf({ ticket: 1, filename: "a.txt", content_base64: "" })[0]).toMatch(/^content_base64: .*empty/);
    const big = "A".repeat(Math.ceil(((MAX_BASE64_ATTACHMENT_BYTES + 3) * 4) / 3 / 4) * 4);
    expect(issuesOf({ ticket: 1, filename: "a.bin", content_base64: big })[0]).toMatch(
      /^content_base64: content_base64 decodes to 5,242,88\d bytes, over add_attachment's limit of 5 MB$/,
    );
    expect(issuesOf({ ticket: 1, filename: "", content_base64: "aGk=" })[0]).toMatch(/^filename: /);
  });

  it("counts decoded bytes from the text's length", () => {
    expect(base64DecodedLength(Buffer.from("hello").toString("base64"))).toBe(5);
    expect(base64DecodedLength(Buffer.from("hell").toString("base64"))).toBe(4);
    expect(base64DecodedLength(Buffer.from("hel").toString("base64"))).toBe(3);
  });
});
