"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import type { CsatScale } from "@/lib/generated/prisma/enums";
import { CSAT_SCALES } from "@/lib/validations/csat";
import { updateCsatScaleAction } from "./actions";

const LABELS: Record<CsatScale, string> = {
  good_bad: "Good or bad",
  one_to_five: "1 to 5 (4 and 5 count as satisfied)",
};

/** The scale customers rate resolved tickets on. */
export function CsatScaleForm({ scale }: { scale: CsatScale }) {
  const [state, action, pending] = useActionState(updateCsatScaleAction, IDLE);
  return (
    <form action={action} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <fieldset className="space-y-1 text-sm">
        <legend className="font-semibold">Customer satisfaction rating scale</legend>
        <p className="text-xs text-slate-500">
          Customers rate a ticket from the link they get when it is resolved. Links already sent keep their scale.
        </p>
        {CSAT_SCALES.map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="scale" value={value} defaultChecked={scale === value} /> {LABELS[value]}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        Save scale
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
