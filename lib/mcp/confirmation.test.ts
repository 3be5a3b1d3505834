import { describe, expect, it } from "vitest";

process.env.AUTH_SECRET = "unit-test-secret-for-confirmations";
const { checkConfirmation, mintConfirmation } = await import("@/lib/mcp/confirmation");

const binding = { workspaceId: "ws1", credentialId: "key1", tool: "delete_macro", args: { macro: "m1" } };
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

describe("confirmation tokens", () => {
  it("confirm the call they were minted for, and no other", () => {
    const token = mintConfirmation(binding);
    expect(checkConfirmation(token, binding)).toBe("ok");
    expect(checkConfirmation(token, { ...binding, args: { macro: "m2" } })).toBe("mismatch");
    expect(checkConfirmation(token, { ...binding, credentialId: "key2" })).toBe("mismatch");
  });

  it("refuse another spelling of the same bytes (a token is spent by its text)", () => {
    const token = mintConfirmation(binding);
    const last = token.at(-1)!;
    // The nonce and MAC are 41 bytes: the last of 55 characters carries 4 bits and 2 spare ones.
    const index = BASE64URL.indexOf(last);
    const sameBytes = BASE64URL[index ^ 1]!;
    const respelled = `${token.slice(0, -1)}${sameBytes}`;
    expect(Buffer.from(respelled.split(".")[2]!, "base64url")).toEqual(Buffer.from(token.split(".")[2]!, "base64url"));
    expect(checkConfirmation(respelled, binding)).toBe("mismatch");
  });
});
