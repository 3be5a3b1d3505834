import { describe, expect, it } from "vitest";
import { renderTemplate, unknownPlaceholderMessage, unknownPlaceholders } from "./placeholders";

const values = {
  contact: { name: "Maria  Garcia" },
  ticket: { number: 1042, subject: "Refund please" },
  agent: { name: "Ava Agarwal" },
};

describe("placeholders", () => {
  it("fills every known placeholder, spaces inside the braces allowed", () => {
    expect(
      renderTemplate(
        "Hi {{contact.first_name}} ({{ contact.name }}), #{{ticket.number}} “{{ticket.subject}}” — {{agent.first_name}} / {{agent.name}}",
        values,
      ),
    ).toBe("Hi Maria (Maria  Garcia), #1042 “Refund please” — Ava / Ava Agarwal");
  });

  it("falls back when a value is missing and leaves unknown placeholders as written", () => {
    expect(
      renderTemplate("Hi {{contact.first_name}}, {{agent.name}}", { contact: null, ticket: null, agent: null }),
    ).toBe("Hi there, The support team");
    expect(renderTemplate("#{{ticket.number}} {{contact.age}}", { ...values, ticket: null })).toBe("# {{contact.age}}");
  });

  it("names unknown placeholders once each", () => {
    expect(unknownPlaceholders("{{contact.age}} {{ agent.name }} {{contact.age}} {{x}}")).toEqual(["contact.age", "x"]);
    expect(unknownPlaceholderMessage(["contact.age"])).toMatch(
      /^unknown placeholder \{\{contact\.age\}\}: use \{\{contact\.first_name\}\}/,
    );
  });
});
