"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { rateAction } from "./actions";

const CHOICES = {
  good_bad: [
    { value: "good", label: "Good" },
    { value: "bad", label: "Bad" },
  ],
  one_to_five: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
};

/** The rating and an optional comment; sent again, it changes the rating. */
export function RatingForm({
  token,
  scale,
  current,
}: {
  token: string;
  scale: "good_bad" | "one_to_five";
  current: { label: string; comment: string | null } | null;
}) {
  const [state, action, pending] = useActionState(rateAction, IDLE);
  const chosen = current?.label.replace("/5", "");
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">
          {scale === "good_bad" ? "Was the help good or bad?" : "Your rating, from 1 (poor) to 5 (excellent)"}
        </legend>
        <div className="flex flex-wrap gap-2">
          {CHOICES[scale].map((c) => (
            <label
              key={c.value}
              className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-500"
            >
              <input type="radio" name="rating" value={c.value} defaultChecked={chosen === c.value} required />
              {c.label}
            </label>
          ))}
        </div>
        {state.fields?.rating ? <p className="text-sm text-rose-700">{state.fields.rating.join(" ")}</p> : null}
      </fieldset>
      <label className="block space-y-1 text-sm">
        <span className="font-medium">Comment (optional)</span>
        <textarea
          name="comment"
          rows={4}
          maxLength={2000}
          defaultValue={current?.comment ?? ""}
          className={INPUT_CLASS}
        />
      </label>
      <Button type="submit" disabled={pending}>
        {current ? "Change rating" : "Send rating"}
      </Button>
      <FormMessage state={state} inline={["rating"]} />
    </form>
  );
}
