"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { applyMacroAction, previewMacroAction } from "./actions";

type Step = { action: string; result: string; summary: string; code?: string; message?: string };
type Preview = { message: { kind: string; body: string } | null; changes: Step[] };

const RESULT_TONE: Record<string, string> = {
  change: "text-indigo-700",
  done: "text-emerald-700",
  unchanged: "text-slate-500",
  refused: "text-rose-700",
};

function StepList({ steps, label }: { steps: Step[]; label: string }) {
  return (
    <ul aria-label={label} className="space-y-0.5">
      {steps.map((s) => (
        <li key={s.action} data-result={s.result} className={RESULT_TONE[s.result] ?? ""}>
          {s.summary}
          {s.result === "unchanged" ? " (no change)" : ""}
          {s.result === "refused" ? ` — refused: ${s.message ?? s.code}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** Pick a macro, see what it would do to this ticket, apply it in one click. */
export function MacroApply({ ticket, macros }: { ticket: number; macros: { id: string; name: string }[] }) {
  const [macro, setMacro] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [outcome, setOutcome] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  function choose(id: string) {
    setMacro(id);
    setPreview(null);
    setOutcome(null);
    if (!id) return;
    startTransition(async () => {
      const state = await previewMacroAction(id, ticket);
      if (state.status === "ok") setPreview(state.data as Preview);
      else setOutcome(state);
    });
  }

  function apply() {
    startTransition(async () => {
      const state = await applyMacroAction(macro, ticket);
      setOutcome(state);
      if (state.status === "ok") {
        setPreview(null);
        setMacro("");
        router.refresh();
      }
    });
  }

  const applied = outcome?.status === "ok" ? (outcome.data as { results: Step[] } | undefined) : undefined;
  return (
    <section
      className="space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200"
      data-testid="macro-apply"
    >
      <label htmlFor="macro-picker" className="block font-semibold">
        Apply macro
      </label>
      {macros.length === 0 ? (
        <p className="text-slate-500">
          No macros yet:{" "}
          <Link href="/settings/macros" className="text-indigo-700 underline">
            create one
          </Link>
          .
        </p>
      ) : (
        <select
          id="macro-picker"
          value={macro}
          onChange={(e) => choose(e.target.value)}
          className={INPUT_CLASS}
          disabled={pending}
        >
          <option value="">Choose a macro…</option>
          {macros.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      )}
      {preview ? (
        <div className="space-y-2" data-testid="macro-preview">
          {preview.message ? (
            <div
              className={`rounded-md p-2 ring-1 ${preview.message.kind === "note" ? "bg-amber-50 ring-amber-200" : "bg-indigo-50 ring-indigo-100"}`}
            >
              <p className="mb-1 text-xs font-medium text-slate-600">
                {preview.message.kind === "note" ? "Internal note" : "Reply to the customer"}
              </p>
              <p className="break-words whitespace-pre-wrap text-slate-800" data-testid="macro-preview-message">
                {preview.message.body}
              </p>
            </div>
          ) : null}
          <StepList steps={preview.changes} label="Changes" />
          <div className="flex gap-2">
            <Button type="button" onClick={apply} disabled={pending}>
              Apply macro
            </Button>
            <Button type="button" variant="secondary" onClick={() => choose("")} disabled={pending}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
      {outcome ? (
        <div role={outcome.status === "error" ? "alert" : "status"} className="space-y-1">
          {outcome.message ? (
            <p className={outcome.status === "error" ? "text-rose-600" : "text-emerald-700"}>{outcome.message}</p>
          ) : null}
          {applied ? <StepList steps={applied.results} label="Results" /> : null}
        </div>
      ) : null}
    </section>
  );
}
