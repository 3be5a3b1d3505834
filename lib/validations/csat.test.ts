import { describe, expect, it } from "vitest";
import { CsatListSchema, CsatRatingSchema, CsatSettingsSchema } from "@/lib/validations/csat";

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("CSAT inputs", () => {
  it("the list takes good, bad or a score as text or a number, and names a bad field", () => {
    expect(CsatListSchema.parse({ score: 4 }).score).toBe("4");
    expect(CsatListSchema.parse({ score: "good", period_days: "30", agent: "" })).toMatchObject({
      score: "good",
      period_days: 30,
      agent: undefined,
      limit: 20,
    });
    expect(fieldsOf(CsatListSchema.safeParse({ score: 6 }))).toEqual(["score"]);
    expect(fieldsOf(CsatListSchema.safeParse({ period_days: 0 }))).toEqual(["period_days"]);
    expect(fieldsOf(CsatListSchema.safeParse({ rating: "good" }))).toEqual([""]);
  });

  it("a rating needs a choice; an empty comment is no comment; a long one is refused", () => {
    expect(CsatRatingSchema.parse({ token: "t", rating: "bad", comment: "  " }).comment).toBeUndefined();
    expect(fieldsOf(CsatRatingSchema.safeParse({ token: "t" }))).toEqual(["rating"]);
    expect(fieldsOf(CsatRatingSchema.safeParse({ token: "t", rating: "good", comment: "x".repeat(2_001) }))).toEqual([
      "comment",
    ]);
    expect(fieldsOf(CsatRatingSchema.safeParse({ token: "", rating: "good" }))).toEqual(["token"]);
  });

  it("the scale is good_bad or one_to_five", () => {
    expect(CsatSettingsSchema.parse({ scale: "one_to_five" }).scale).toBe("one_to_five");
    expect(fieldsOf(CsatSettingsSchema.safeParse({ scale: "stars" }))).toEqual(["scale"]);
  });
});
