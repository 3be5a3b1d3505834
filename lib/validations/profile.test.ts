import { describe, expect, it } from "vitest";
import { DatePreferencesSchema } from "./profile";

describe("DatePreferencesSchema", () => {
  it("stores blank and the browser choice as null (follow the browser)", () => {
    expect(DatePreferencesSchema.parse({ time_zone: "", locale: "browser" })).toEqual({
      time_zone: null,
      locale: null,
    });
  });

  it("keeps a real zone and canonicalises the locale", () => {
    expect(DatePreferencesSchema.parse({ time_zone: " Asia/Tokyo ", locale: "fr-fr" })).toEqual({
      time_zone: "Asia/Tokyo",
      locale: "fr-FR",
    });
  });

  it("names the field of a zone or locale Intl does not know", () => {
    const result = DatePreferencesSchema.safeParse({ time_zone: "Mars/Olympus_Mons", locale: "xx-!!" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(paths).toEqual([
      expect.stringMatching(/^time_zone: “Mars\/Olympus_Mons” is not a time zone/),
      expect.stringMatching(/^locale: “xx-!!” is not a language tag/),
    ]);
  });
});
