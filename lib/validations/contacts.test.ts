import { describe, expect, it } from "vitest";
import { CreateCompanySchema, MergeContactsSchema, UpdateContactSchema } from "@/lib/validations/contacts";

describe("company domains", () => {
  it("read a form's comma-separated text or a list, lower-cased, without @, once each", () => {
    expect(CreateCompanySchema.parse({ name: "Acme", domains: "@Acme.com, acme.io acme.com" }).domains).toEqual([
      "acme.com",
      "acme.io",
    ]);
    expect(CreateCompanySchema.parse({ name: "Acme", domains: ["ACME.co.uk"] }).domains).toEqual(["acme.co.uk"]);
    expect(CreateCompanySchema.parse({ name: "Acme" }).domains).toEqual([]);
  });

  it("refuse what is not a domain, naming it", () => {
    const result = CreateCompanySchema.safeParse({ name: "Acme", domains: ["acme", "http://acme.com"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "domains: “acme” is not a domain like acme.com",
      "domains: “http://acme.com” is not a domain like acme.com",
    ]);
  });
});

describe("contact edits and merges", () => {
  it("an emptied phone or company clears it; an absent one is left alone", () => {
    expect(UpdateContactSchema.parse({ contact_id: "c1", phone: "", name: "Sam" })).toEqual({
      contact_id: "c1",
      name: "Sam",
      phone: null,
    });
    expect(UpdateContactSchema.safeParse({ contact_id: "c1" }).success).toBe(false);
  });

  it("a contact is not merged into itself", () => {
    const result = MergeContactsSchema.safeParse({ keep_contact_id: "c1", merge_contact_id: "c1" });
    expect(result.error?.issues[0]?.path).toEqual(["merge_contact_id"]);
  });
});
