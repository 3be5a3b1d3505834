import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";

const CHOICES = {
  good_bad: [
    { value: "good", label: "Good" },
    { value: "bad", label: "Bad" },
  ],
  one_to_five: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
};

/** The rating and an optional comment, as a plain form POST; sent again, it changes the rating. */
export function RatingForm({
  token,
  scale,
  current,
}: {
  token: string;
  scale: "good_bad" | "one_to_five";
  current: { label: string; comment: string | null } | null;
}) {
  const chosen = current?.label.replace("/5", "");
  return (
    <form method="post" action={`/rate/${encodeURIComponent(token)}/submit`} className="space-y-4">
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
      <Button type="submit">{current ? "Change rating" : "Send rating"}</Button>
    </form>
  );
}
