import { describe, expect, it } from "vitest";
import { parseQuery, prefixQuerySource, snippetParts } from "@/lib/search/query";

describe("parseQuery", () => {
  it("reads nothing from blank text", () => {
    expect(parseQuery("   ")).toBeNull();
  });

  it("reads #1042 and 1042 as a ticket number, still searched as text", () => {
    expect(parseQuery("#1042")).toMatchObject({ text: "1042", number: 1042, email: null, fuzzyTerms: [] });
    expect(parseQuery(" 1042 ")).toMatchObject({ text: "1042", number: 1042 });
    expect(parseQuery("1042 login")?.number).toBeNull();
  });

  it("reads an email address, lower-cased", () => {
    expect(parseQuery("Bob.Smith@Example.com")).toMatchObject({ email: "bob.smith@example.com" });
    expect(parseQuery("bob at example")?.email).toBeNull();
  });

  it("offers prefix and typo fallback for plain words, without OR or repeats", () => {
    const q = parseQuery("Login  or login Fails");
    expect(q).toMatchObject({
      text: "Login or login Fails",
      fuzzyTerms: ["login", "fails"],
      fuzzyText: "login or login fails",
    });
  });

  it("never loosens a phrase or an exclusion", () => {
    expect(parseQuery('"login fails"')).toMatchObject({ fuzzyTerms: [], fuzzyText: "" });
    expect(parseQuery("login -password")).toMatchObject({ fuzzyTerms: [], fuzzyText: "" });
    // A dash inside a word is not an exclusion.
    expect(parseQuery("e-mail")?.fuzzyTerms).toEqual(["e", "mail"]);
  });

  it("keeps tsquery syntax out of the prefix terms", () => {
    const q = parseQuery("a:* & b | !c (d)")!;
    expect(q.fuzzyTerms).toEqual(["a", "b", "c", "d"]);
    expect(prefixQuerySource(q.fuzzyTerms)).toBe("a:* & b:* & c:* & d:*");
    expect(prefixQuerySource([])).toBeNull();
  });
});

describe("snippetParts", () => {
  it("splits marked matches from plain text", () => {
    expect(snippetParts("the <mark>login</mark> failed")).toEqual([
      { text: "the ", match: false },
      { text: "login", match: true },
      { text: " failed", match: false },
    ]);
  });

  it("keeps markup in the text as text", () => {
    expect(snippetParts("<b>x</b> <mark><img></mark>")).toEqual([
      { text: "<b>x</b> ", match: false },
      { text: "<img>", match: true },
    ]);
    expect(snippetParts("open <mark>end")).toEqual([{ text: "open end", match: false }]);
  });
});
