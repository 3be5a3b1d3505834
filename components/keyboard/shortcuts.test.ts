import { describe, expect, it } from "vitest";
import { isEditable, SHORTCUT_GROUPS, stepIndex } from "./shortcuts";

const element = (tagName: string, extra: Record<string, unknown> = {}) =>
  ({ tagName, ...extra }) as unknown as EventTarget;

describe("isEditable", () => {
  it("is true where a key types: text boxes, text areas, selects and editable content", () => {
    expect(isEditable(element("INPUT", { type: "text" }))).toBe(true);
    expect(isEditable(element("INPUT", { type: "search" }))).toBe(true);
    expect(isEditable(element("TEXTAREA"))).toBe(true);
    expect(isEditable(element("SELECT"))).toBe(true);
    expect(isEditable(element("DIV", { isContentEditable: true }))).toBe(true);
  });

  it("is false on links, buttons, check boxes and the page itself", () => {
    expect(isEditable(element("A"))).toBe(false);
    expect(isEditable(element("BUTTON"))).toBe(false);
    expect(isEditable(element("INPUT", { type: "checkbox" }))).toBe(false);
    expect(isEditable(element("BODY", { isContentEditable: false }))).toBe(false);
    expect(isEditable(null)).toBe(false);
  });
});

describe("stepIndex", () => {
  it("starts at the first item going down and the last going up", () => {
    expect(stepIndex(-1, 1, 5)).toBe(0);
    expect(stepIndex(-1, -1, 5)).toBe(4);
  });

  it("moves one item and stops at either end", () => {
    expect(stepIndex(2, 1, 5)).toBe(3);
    expect(stepIndex(4, 1, 5)).toBe(4);
    expect(stepIndex(0, -1, 5)).toBe(0);
    expect(stepIndex(0, 1, 0)).toBe(-1);
  });
});

describe("SHORTCUT_GROUPS", () => {
  it("lists every shortcut the app answers to", () => {
    const keys = SHORTCUT_GROUPS.flatMap((g) => g.shortcuts.map((s) => s.keys.join(s.then ? " then " : "+")));
    for (const key of ["j", "k", "Enter", "r", "n", "a", "e", "g then i", "/", "Ctrl+K", "?"]) {
      expect(keys).toContain(key);
    }
  });
});
