import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as SignedUrl from "@/lib/services/attachments/signed-url";

// The link helpers read AUTH_SECRET and APP_URL through getEnv, which caches: load them fresh.
let signed: typeof SignedUrl;

beforeAll(async () => {
  vi.resetModules();
  vi.stubEnv("AUTH_SECRET", "unit-test-secret-unit-test-secret");
  vi.stubEnv("APP_URL", "https://desk.example.com");
  signed = await import("@/lib/services/attachments/signed-url");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

const file = { id: "att_1", workspaceId: "ws_1" };
const now = new Date("2026-12-02T10:00:00Z");
const paramsOf = (url: string) => {
  const u = new URL(url);
  return { exp: u.searchParams.get("exp"), sig: u.searchParams.get("sig"), path: u.pathname };
};

describe("signed attachment links", () => {
  it("link to the file, work until they expire, then say so", () => {
    const link = signed.signAttachmentUrl(file, { now, seconds: 60 });
    const { exp, sig, path } = paramsOf(link.url);
    expect(link.url.startsWith("https://desk.example.com/api/v1/attachments/att_1?")).toBe(true);
    expect(path).toBe("/api/v1/attachments/att_1");
    expect(link.expiresAt.toISOString()).toBe("2026-12-02T10:01:00.000Z");
    expect(signed.checkAttachmentLink(file, exp, sig, now)).toBe("ok");
    expect(signed.checkAttachmentLink(file, exp, sig, new Date("2026-12-02T10:01:00Z"))).toBe("expired");
  });

  it("refuse another file, another workspace, a moved expiry and a forged signature", () => {
    const { exp, sig } = paramsOf(signed.signAttachmentUrl(file, { now }).url);
    expect(signed.checkAttachmentLink({ ...file, id: "att_2" }, exp, sig, now)).toBe("invalid");
    expect(signed.checkAttachmentLink({ ...file, workspaceId: "ws_2" }, exp, sig, now)).toBe("invalid");
    expect(signed.checkAttachmentLink(file, String(Number(exp) + 3600), sig, now)).toBe("invalid");
    const flipped = (sig![0] === "A" ? "B" : "A") + sig!.slice(1);
    expect(signed.checkAttachmentLink(file, exp, flipped, now)).toBe("invalid");
    expect(signed.checkAttachmentLink(file, exp, null, now)).toBe("invalid");
    expect(signed.checkAttachmentLink(file, "soon", sig, now)).toBe("invalid");
  });

  it("a forged signature is invalid even when expired (expiry reveals nothing about forgeries)", () => {
    const past = Math.floor(now.getTime() / 1000) - 10;
    expect(signed.checkAttachmentLink(file, String(past), "A".repeat(43), now)).toBe("invalid");
  });
});
