import { describe, expect, it } from "vitest";
import { findMentionedAgents, mentionHandles } from "@/lib/services/notifications/mentions";

const agents = [
  { id: "u1", name: "Maya Patel", email: "maya@acme.test" },
  { id: "u2", name: "Sam Okafor", email: "s.okafor@acme.test" },
  { id: "u3", name: "Sam Lee", email: "slee@acme.test" },
];
const names = (text: string) => findMentionedAgents(text, agents).map((a) => a.name);

describe("mentionHandles", () => {
  it("reads handles at the start, after spaces and punctuation, without trailing dots", () => {
    expect(mentionHandles("@maya can you check? (cc @sam.okafor.)")).toEqual(["maya", "sam.okafor"]);
  });

  it("ignores email addresses and @ inside words", () => {
    expect(mentionHandles("write to maya@acme.test or foo@bar")).toEqual([]);
  });
});

describe("findMentionedAgents", () => {
  it("matches a first name", () => {
    expect(names("@maya please look")).toEqual(["Maya Patel"]);
  });

  it("matches a full name written together or with dots, case aside", () => {
    expect(names("@MayaPatel and @sam.lee")).toEqual(["Maya Patel", "Sam Lee"]);
  });

  it("matches the local part of an email address", () => {
    expect(names("thanks @s.okafor")).toEqual(["Sam Okafor"]);
    expect(names("thanks @slee")).toEqual(["Sam Lee"]);
  });

  it("mentions nobody when a first name fits two agents", () => {
    expect(names("@sam any idea?")).toEqual([]);
  });

  it("mentions each agent once and ignores unknown handles", () => {
    expect(names("@maya @maya.patel @nobody")).toEqual(["Maya Patel"]);
  });
});
