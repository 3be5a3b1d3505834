"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { RevokeForm } from "@/components/ui/revoke-form";
import { formFieldErrors, type ActionState } from "@/lib/action-state";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import type { SnippetJson } from "@/lib/services/snippets/snippet-access";
import { CreateSnippetSchema } from "@/lib/validations/snippets";
import { deleteSnippetAction, saveSnippetAction } from "./actions";

type Draft = { id?: string; shortcut: string; name: string; body: string; shared: boolean };
type Props = { snippets: SnippetJson[]; canShare: boolean; placeholders: string[] };

function SnippetForm({
  initial,
  canShare,
  placeholders,
  onDone,
}: Omit<Props, "snippets"> & { initial: Draft; onDone: () => void }) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const set = (key: "shortcut" | "name" | "body") => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = { shortcut: draft.shortcut, name: draft.name, body: draft.body, shared: draft.shared };
    const parsed = CreateSnippetSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(formFieldErrors(fieldErrorsOf(parsed.error)));
      return;
    }
    setErrors({});
    startTransition(async () => {
      const state = await saveSnippetAction({ ...input, id: draft.id });
      setResult(state);
      if (state.status === "ok") {
        router.refresh();
        onDone();
      } else if (state.fields) setErrors(state.fields);
    });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={draft.id ? "Edit snippet" : "New snippet"}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 className="font-semibold">{draft.id ? `Edit ;${initial.shortcut}` : "New snippet"}</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Shortcut" name="snippet-shortcut" errors={errors.shortcut} hint="Like refund-policy">
          <input id="snippet-shortcut" value={draft.shortcut} onChange={set("shortcut")} className={INPUT_CLASS} />
        </Field>
        <Field label="Name" name="snippet-name" errors={errors.name}>
          <input id="snippet-name" value={draft.name} onChange={set("name")} className={INPUT_CLASS} />
        </Field>
      </div>
      <Field label="Text" name="snippet-body" errors={errors.body} hint={`Placeholders: ${placeholders.join(", ")}`}>
        <textarea id="snippet-body" rows={4} value={draft.body} onChange={set("body")} className={INPUT_CLASS} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.shared}
          disabled={!canShare}
          onChange={(e) => setDraft((d) => ({ ...d, shared: e.target.checked }))}
        />
        Shared with the workspace {canShare ? "" : "(admins and owners share snippets)"}
      </label>
      {result?.status === "error" && result.message ? (
        <p role="alert" className="text-sm text-rose-600">
          {result.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          Save snippet
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function SnippetsClient(props: Props) {
  const [editing, setEditing] = useState<Draft | null>(null);
  return (
    <div className="space-y-4">
      {editing ? (
        <SnippetForm key={editing.id ?? "new"} {...props} initial={editing} onDone={() => setEditing(null)} />
      ) : (
        <Button type="button" onClick={() => setEditing({ shortcut: "", name: "", body: "", shared: false })}>
          New snippet
        </Button>
      )}
      {props.snippets.length === 0 ? (
        <p className="text-sm text-slate-500">No snippets yet.</p>
      ) : (
        <ul className="space-y-2" data-testid="snippet-list">
          {props.snippets.map((s) => (
            <li
              key={s.id}
              data-snippet={s.shortcut}
              className="rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200 sm:flex sm:items-start sm:justify-between sm:gap-4"
            >
              <div className="min-w-0 space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <code className="text-indigo-700">;{s.shortcut}</code>
                  <span className="font-medium">{s.name}</span>
                  <Badge>{s.shared ? "Shared" : "Personal"}</Badge>
                </p>
                <p className="line-clamp-2 break-words whitespace-pre-wrap text-slate-600">{s.body}</p>
              </div>
              {!s.shared || props.canShare ? (
                <div className="mt-2 flex shrink-0 items-start gap-2 sm:mt-0">
                  <Button
                    type="button"
                    variant="secondary"
                    onClick={() =>
                      setEditing({ id: s.id, shortcut: s.shortcut, name: s.name, body: s.body, shared: s.shared })
                    }
                  >
                    Edit
                  </Button>
                  <RevokeForm
                    action={deleteSnippetAction}
                    field="snippet"
                    value={s.id}
                    label={`snippet ;${s.shortcut}`}
                    consequence="It disappears from everyone's composer."
                    verb="Delete"
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
