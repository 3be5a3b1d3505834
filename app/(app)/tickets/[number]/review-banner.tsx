"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { markReviewedAction } from "./actions";

/** Shown while the workspace's MCP lockdown holds this ticket: the customer wrote last and nobody has looked. */
export function ReviewBanner({ ticket }: { ticket: number }) {
  const [state, action, pending] = useActionState(markReviewedAction, IDLE);
  return (
    <form
      action={action}
      data-testid="lockdown-banner"
      className="flex flex-wrap items-center gap-3 rounded-lg bg-sky-50 p-3 text-sm ring-1 ring-sky-200"
    >
      <input type="hidden" name="ticket" value={ticket} />
      <p className="flex-1 text-sky-900">
        Locked for MCP clients: the customer wrote last. Reply, add a note, or mark the conversation reviewed to let
        connected apps act on this ticket again.
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>
        Mark reviewed
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
