import { beforeAll, describe, expect, it } from "vitest";
import { csatKeyOf, csatLink, csatToken, newCsatKey } from "@/lib/services/csat/link";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "unit-test-secret";
});

describe("CSAT links", () => {
  it("carry a random key and its signature; the key comes back only with the right signature", () => {
    const key = newCsatKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newCsatKey()).not.toBe(key);
    const token = csatToken(key);
    expect(csatKeyOf(token)).toBe(key);
    expect(csatLink(key)).toMatch(new RegExp(`/rate/${token.replace(".", "\\.")}$`));
  });

  it("refuse an edited, truncated or foreign token", () => {
    const key = newCsatKey();
    const [, signature] = csatToken(key).split(".");
    const other = newCsatKey();
    expect(csatKeyOf(`${other}.${signature}`)).toBeNull();
    expect(csatKeyOf(`${key}.${signature!.slice(0, -1)}`)).toBeNull();
    expect(csatKeyOf(`${key}.${signature!.slice(0, -1)}${signature!.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(csatKeyOf(key)).toBeNull();
    expect(csatKeyOf("")).toBeNull();
    expect(csatKeyOf(`${csatToken(key)}.extra`)).toBeNull();
    expect(csatKeyOf("../../etc.passwd")).toBeNull();
  });
});
