"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { RevokeForm } from "@/components/ui/revoke-form";
import { TimeAgo } from "@/components/ui/time-ago";
import { IDLE, type ActionState } from "@/lib/action-state";
import { ROTATION_OVERLAP_LABELS, type RotationOverlap } from "@/lib/validations/credentials";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** What a rotation hands back once: the new secret, and until when the old one still works. */
export type Rotated = {
  id: string;
  name: string;
  secret: string;
  masked: string;
  previous_masked: string;
  previous_valid_until: string | null;
};

/**
 * A key's or token's "Rotate" button: it asks how long the old secret stays valid, then hands the new
 * secret to `onRotated` (the page shows it once).
 */
export function RotateCredential({
  id,
  name,
  action,
  onRotated,
}: {
  id: string;
  name: string;
  action: Action;
  onRotated: (rotated: Rotated) => void;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const next = await action(prev, form);
    if (next.status === "ok" && next.data) {
      setOpen(false);
      onRotated(next.data as Rotated);
    }
    return next;
  }, IDLE);
  if (!open) {
    return (
      <Button type="button" variant="secondary" aria-label={`Rotate ${name}`} onClick={() => setOpen(true)}>
        Rotate
      </Button>
    );
  }
  const errors = [
    ...(state.fields?.overlap ?? []),
    ...(state.status === "error" && state.message ? [state.message] : []),
  ];
  return (
    <form
      action={formAction}
      aria-label={`Rotate ${name}`}
      className="max-w-xs space-y-2 rounded-md bg-slate-50 p-3 text-left text-sm ring-1 ring-slate-200"
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
    >
      <input type="hidden" name="id" value={id} />
      <p className="font-medium">Rotate {name}?</p>
      <p className="text-xs text-slate-600">
        A new secret is shown once. Clients still using the old one keep working until the overlap ends.
      </p>
      <label className="block space-y-1">
        <span className="text-xs font-medium text-slate-700">Old secret stays valid for</span>
        <select name="overlap" defaultValue="24h" className={INPUT_CLASS} aria-label={`Overlap for ${name}`} autoFocus>
          {(Object.keys(ROTATION_OVERLAP_LABELS) as RotationOverlap[]).map((value) => (
            <option key={value} value={value}>
              {ROTATION_OVERLAP_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          Rotate now
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {errors.map((m) => (
        <p key={m} role="alert" className="text-xs text-rose-600">
          {m}
        </p>
      ))}
    </form>
  );
}

/** The secret a rotation replaced, while it still works, with a way to end its overlap now. */
export function PreviousSecret({
  id,
  name,
  previous,
  action,
}: {
  id: string;
  name: string;
  previous: { masked: string; valid_until: string };
  action: Action;
}) {
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-amber-800" data-testid="previous-secret">
      <span>
        Old secret <span className="font-mono">{previous.masked}</span>{" "}
        <TimeAgo date={previous.valid_until} prefix="expires " />
      </span>
      <RevokeForm
        action={action}
        field="id"
        value={id}
        label={`the old secret of ${name}`}
        verb="End"
        consequence={`Clients still using ${previous.masked} are refused from their next request; the new secret goes on working.`}
      />
    </div>
  );
}

/** Under the new secret (shown once): until when the old one still works. */
export function RotatedNotice({ rotated }: { rotated: Rotated }) {
  return (
    <span className="mt-1 block font-normal">
      {rotated.previous_valid_until ? (
        <>
          The old secret {rotated.previous_masked} keeps working until{" "}
          <TimeAgo date={rotated.previous_valid_until} mode="exact" />, then stops.
        </>
      ) : (
        <>The old secret {rotated.previous_masked} no longer works.</>
      )}
    </span>
  );
}
