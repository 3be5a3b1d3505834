import { describe, expect, it } from "vitest";
import { asSentence, formFieldErrors } from "@/lib/action-state";
import { fieldErrorsOf } from "@/lib/errors";
import { TagNamesSchema } from "@/lib/validations/tickets";
import { z } from "zod";

describe("field errors for people", () => {
  it("gathers a list's item errors under the form field, as one sentence each, without the path", () => {
    const parsed = z.object({ tags: TagNamesSchema }).safeParse({ tags: ["ok", "bad tag!", "bad tag!"] });
    const byPath = fieldErrorsOf(parsed.error!);
    // Tools keep the exact path.
    expect(Object.keys(byPath)).toEqual(["tags.1", "tags.2"]);
    const forForm = formFieldErrors(byPath);
    expect(forForm).toEqual({
      tags: [
        "Tag names are letters, numbers, spaces, dots, dashes and underscores, starting with a letter or number: “bad tag!” is not.",
      ],
    });
    expect(JSON.stringify(forForm)).not.toContain("tags.1");
  });

  it("writes fragments as sentences and leaves sentences alone", () => {
    expect(asSentence("message cannot be empty")).toBe("Message cannot be empty.");
    expect(asSentence("Name cannot be empty.")).toBe("Name cannot be empty.");
    expect(formFieldErrors({ _: ["give a subject or a priority to change"] })).toEqual({
      _: ["Give a subject or a priority to change."],
    });
  });
});
