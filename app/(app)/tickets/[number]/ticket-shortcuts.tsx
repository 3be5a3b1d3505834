"use client";

import { useEffect, useMemo, useState, useTransition } from "react";
import { usePageShortcuts } from "@/components/keyboard/page-shortcuts";
import { IDLE, type ActionState } from "@/lib/action-state";
import { assignAction, setStatusAction } from "./actions";

/** The composer's message box, which r and n focus. */
const COMPOSER = "textarea#body";

type Mode = "reply" | "note";

/**
 * The ticket's keys: r and n start a reply or an internal note in the composer (Ctrl+Enter then
 * sends it as that), a assigns the ticket to me, e resolves it. What a key did is announced below.
 */
export function TicketShortcuts({ ticket }: { ticket: number }) {
  const [mode, setMode] = useState<Mode | null>(null);
  const [result, setResult] = useState<ActionState>(IDLE);
  const [pending, startTransition] = useTransition();

  const handlers = useMemo(() => {
    const compose = (next: Mode) => () => {
      const box = document.querySelector<HTMLTextAreaElement>(COMPOSER);
      if (!box) return;
      setMode(next);
      box.focus();
      box.scrollIntoView({ block: "center" });
    };
    const act = (action: typeof assignAction, fields: Record<string, string>) => () =>
      startTransition(async () => {
        const form = new FormData();
        form.set("ticket", String(ticket));
        for (const [name, value] of Object.entries(fields)) form.set(name, value);
        setResult(await action(IDLE, form));
      });
    return {
      r: compose("reply"),
      n: compose("note"),
      a: act(assignAction, { assignee: "me" }),
      e: act(setStatusAction, { target: "resolved" }),
    };
  }, [ticket]);
  usePageShortcuts(handlers);

  // Ctrl+Enter (⌘Enter) in the message box sends it the way r or n started it.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
      const box = event.target as HTMLTextAreaElement;
      if (!box.matches?.(COMPOSER)) return;
      const send = box.form?.querySelector<HTMLButtonElement>(`button[name="kind"][value="${mode ?? "reply"}"]`);
      if (!send) return;
      event.preventDefault();
      send.click();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [mode]);

  return (
    <div aria-live="polite" className="text-xs text-slate-600" data-testid="ticket-shortcut-status">
      {mode ? (
        <p data-compose-mode={mode}>
          {mode === "note" ? "Writing an internal note" : "Writing a reply"} · Ctrl+Enter{" "}
          {mode === "note" ? "adds it" : "sends it"}
        </p>
      ) : null}
      {pending ? <p>Working…</p> : null}
      {!pending && result.status !== "idle" ? (
        <p role={result.status === "error" ? "alert" : undefined}>
          {result.status === "error"
            ? (result.message ?? Object.values(result.fields ?? {}).flat()[0] ?? "That did not work.")
            : result.message}
        </p>
      ) : null}
    </div>
  );
}
