import { describe, expect, it } from "vitest";
import { returnPathWithin } from "@/lib/auth/return-path";

const APP = "https://desk.example.com";

describe("returnPathWithin", () => {
  it.each([
    ["/tickets/12?x=1", "/tickets/12?x=1"],
    ["/tickets#messages", "/tickets#messages"],
    ["/oauth/consent?request=abc.def", "/oauth/consent?request=abc.def"],
    ["https://desk.example.com/settings/api-access", "/settings/api-access"],
    ["/a/../tickets", "/tickets"],
    ["tickets", "/tickets"],
    // Encoded, the characters stay inert text in the path.
    ["/%09/evil.example", "/%09/evil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
  ])("keeps %j as %j", (value, path) => {
    expect(returnPathWithin(value, APP)).toBe(path);
  });

  it.each([
    ["another origin", "https://evil.example/x"],
    ["another scheme of the host", "http://desk.example.com/tickets"],
    ["another port of the host", "https://desk.example.com:8443/tickets"],
    ["scheme-relative", "//evil.example/x"],
    ["a tab browsers drop", "/\t/127.0.0.1:8766/pwned"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return", "/tickets\r\nSet-Cookie: x=1"],
    ["a NUL", "/tickets\u0000"],
    ["DEL", "/\u007f/evil.example"],
    ["a C1 control", "/\u0085/evil.example"],
    ["a backslash", "/\\evil.example"],
    ["backslashes later on", "/tickets/..\\..\\\\evil.example"],
    ["a path that normalises to scheme-relative", "/.//evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["userinfo", "https://desk.example.com@evil.example/"],
    ["empty", ""],
    ["not a string", 42],
    ["null", null],
    ["an array", ["/tickets"]],
  ])("refuses %s", (_label, value) => {
    expect(returnPathWithin(value, APP)).toBeNull();
  });
});
