import { describe, expect, it } from "vitest";
import { z } from "zod";
import { READ } from "@/lib/mcp/tool";
import { markMessage, markTicket, noteUntrustedOutput, UNTRUSTED_NOTE, withUntrusted } from "@/lib/mcp/untrusted";

const tool = (output: z.ZodType) => ({
  name: "t",
  title: "T",
  description: "Reads things.",
  input: z.object({}),
  output,
  scopes: ["tickets:read" as const] as ["tickets:read"],
  role: "agent" as const,
  needsUser: false,
  annotations: READ,
  handler: async () => ({}),
});

describe("untrusted marking", () => {
  it("names a contact's message body and name, and nothing of an agent's", () => {
    expect(markMessage({ author: { type: "contact" }, body: "x" }).untrusted).toEqual(["body", "author.name"]);
    expect(markMessage({ author: { type: "agent" }, body: "x" }).untrusted).toEqual([]);
    expect(markMessage({ author_type: "contact", body: "x" }).untrusted).toEqual(["body"]);
  });

  it("names a ticket's subject, its contact's name and a search snippet", () => {
    expect(markTicket({ subject: "s", contact: { name: "Pat" }, snippet: "<mark>x</mark>" }).untrusted).toEqual([
      "subject",
      "contact.name",
      "snippet",
    ]);
    expect(markTicket({ subject: "s", contact: null, snippet: null }).untrusted).toEqual(["subject"]);
  });

  it("adds the one shared sentence to a tool whose output carries the marker, at any depth", () => {
    const nested = z.object({ items: z.array(withUntrusted(z.object({ body: z.string() }))) });
    expect(noteUntrustedOutput(tool(nested)).description).toBe(`Reads things. ${UNTRUSTED_NOTE}`);
    expect(noteUntrustedOutput(tool(z.object({ id: z.string() }))).description).toBe("Reads things.");
  });
});
