import { describe, expect, it } from "vitest";
import {
  generateToken,
  hashToken,
  maskToken,
  parseToken,
  secretsEqual,
  tokenDisplay,
  TOKEN_KINDS,
  type TokenKind,
} from "@/lib/credentials/token-format";

describe("token format", () => {
  it.each(Object.keys(TOKEN_KINDS) as TokenKind[])("round-trips a %s with its own prefix", (kind) => {
    const token = generateToken(kind);
    expect(token).toMatch(/^db[kparciwt]_[0-9A-Za-z]{36}$/);
    expect(token.startsWith(TOKEN_KINDS[kind])).toBe(true);
    expect(parseToken(token)).toBe(kind);
  });

  it("rejects a one-character typo through the checksum", () => {
    const token = generateToken("workspace_key");
    const i = 10;
    const typo = token.slice(0, i) + (token[i] === "a" ? "b" : "a") + token.slice(i + 1);
    expect(parseToken(typo)).toBeNull();
  });

  it("rejects other shapes and unknown prefixes", () => {
    const token = generateToken("personal_token");
    for (const bad of ["", "Bearer x", token + "x", token.slice(1), `dbz_${token.slice(4)}`, token.replace("_", "-")]) {
      expect(parseToken(bad)).toBeNull();
    }
  });

  it("never repeats and carries at least 160 random bits", () => {
    const seen = new Set(Array.from({ length: 2000 }, () => generateToken("workspace_key")));
    expect(seen.size).toBe(2000);
    expect(30 * Math.log2(62)).toBeGreaterThan(160);
  });

  it("stores a SHA-256 hash and a masked display only", () => {
    const token = generateToken("workspace_key");
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    const { prefix, lastFour } = tokenDisplay(token);
    expect(maskToken(prefix, lastFour)).toBe(`dbk_…${token.slice(-4)}`);
    expect(secretsEqual(token, token)).toBe(true);
    expect(secretsEqual(token, token + "x")).toBe(false);
  });
});
