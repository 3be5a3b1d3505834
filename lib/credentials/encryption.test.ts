import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  process.env.DATABASE_URL ??= "postgresql://unused";
  process.env.SECRET_ENCRYPTION_KEY = randomBytes(32).toString("base64url");
});

describe("secret encryption", () => {
  it("round-trips, never stores the plain text, and refuses altered values", async () => {
    const { decryptSecret, encryptSecret } = await import("@/lib/credentials/encryption");
    const sealed = encryptSecret("dbr_secret");
    expect(sealed).not.toContain("dbr_secret");
    expect(sealed).not.toBe(encryptSecret("dbr_secret"));
    expect(decryptSecret(sealed)).toBe("dbr_secret");
    const [v, iv, body] = sealed.split(".");
    // Another character in place of the second-to-last, which always carries six bits of the tag.
    const flipped = body!.slice(0, -2) + (body!.at(-2) === "A" ? "B" : "A") + body!.slice(-1);
    expect(decryptSecret(`${v}.${iv}.${flipped}`)).toBeNull();
    expect(decryptSecret("v2.x.y")).toBeNull();
  });
});
