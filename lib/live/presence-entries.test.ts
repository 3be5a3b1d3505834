import { describe, expect, it } from "vitest";
import {
  describePresence,
  presenceKey,
  presenceOn,
  readEntries,
  ttlOf,
  withEntry,
  PRESENCE_TTL_S,
} from "@/lib/live/presence-entries";

const NOW = 1_000_000;

describe("presence entries", () => {
  it("a heartbeat puts the ticket in for one TTL; leaving takes it out and keeps the others", () => {
    let entries = withEntry({}, 12, "viewing", NOW);
    entries = withEntry(entries, 13, "replying", NOW);
    expect(readEntries(JSON.stringify(entries), NOW)).toEqual({
      "12": { state: "viewing", until: NOW + PRESENCE_TTL_S * 1000 },
      "13": { state: "replying", until: NOW + PRESENCE_TTL_S * 1000 },
    });
    expect(Object.keys(withEntry(entries, 12, null, NOW))).toEqual(["13"]);
  });

  it("an expired entry is gone, and what cannot be read counts as nobody", () => {
    const entries = withEntry({}, 12, "viewing", NOW);
    expect(readEntries(JSON.stringify(entries), NOW + PRESENCE_TTL_S * 1000)).toEqual({});
    for (const raw of [null, "", "not json", "[1,2]", '{"12":{"state":"typing","until":99999999}}', '{"12":null}'])
      expect(readEntries(raw, NOW)).toEqual({});
  });

  it("the stored value lives as long as its last entry", () => {
    const entries = { ...withEntry({}, 1, "viewing", NOW - 10_000), ...withEntry({}, 2, "viewing", NOW) };
    expect(ttlOf(entries, NOW)).toBe(PRESENCE_TTL_S);
    expect(ttlOf({}, NOW)).toBe(0);
  });

  it("keys name the workspace and the member", () => {
    expect(presenceKey("ws1", "u1")).not.toBe(presenceKey("ws2", "u1"));
    expect(presenceKey("ws1", "u1")).toContain("ws1");
  });
});

describe("who is on a ticket", () => {
  const members = [
    { id: "me", name: "Ava Agarwal" },
    { id: "ben", name: "Ben Ito" },
    { id: "cy", name: "Cy Chen" },
    { id: "dee", name: "Dee Diaz" },
  ];
  const value = (...tickets: [number, "viewing" | "replying"][]) =>
    JSON.stringify(tickets.reduce((acc, [t, s]) => withEntry(acc, t, s, NOW), {}));

  it("lists everyone else on each ticket asked about, replying first, and never the asker", () => {
    const values = [value([7, "replying"]), value([7, "viewing"], [8, "viewing"]), value([7, "replying"]), null];
    expect(presenceOn(members, values, [7, 8, 9], "me", NOW)).toEqual({
      7: [
        { userId: "cy", name: "Cy Chen", state: "replying" },
        { userId: "ben", name: "Ben Ito", state: "viewing" },
      ],
      8: [{ userId: "ben", name: "Ben Ito", state: "viewing" }],
      9: [],
    });
  });

  it("reads as a sentence", () => {
    expect(describePresence([{ name: "Ben Ito", state: "viewing" }])).toBe("Ben Ito is viewing");
    expect(describePresence([{ name: "Ben Ito", state: "replying" }])).toBe("Ben Ito is replying");
    expect(
      describePresence([
        { name: "Cy Chen", state: "replying" },
        { name: "Ben Ito", state: "viewing" },
        { name: "Dee Diaz", state: "viewing" },
        { name: "Eve Ek", state: "viewing" },
      ]),
    ).toBe("Cy Chen is replying · Ben Ito, Dee Diaz and Eve Ek are viewing");
    expect(describePresence([])).toBe("");
  });
});
