"use client";

import { ModalDialog } from "./modal-dialog";
import { SHORTCUT_GROUPS } from "./shortcuts";

function Key({ children }: { children: string }) {
  return (
    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800">
      {children}
    </kbd>
  );
}

/** The "?" dialog: every shortcut, by where it works. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog open={open} onClose={onClose} aria-labelledby="shortcut-help-title" className="max-w-lg">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
        <h2 id="shortcut-help-title" className="font-semibold">
          Keyboard shortcuts
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-2 py-0.5 text-sm text-slate-600 hover:bg-slate-100"
          data-autofocus
        >
          Close
        </button>
      </div>
      <div className="max-h-[65vh] space-y-4 overflow-y-auto px-4 py-3 text-sm" data-testid="shortcut-list">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title}>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">{group.title}</h3>
            <dl className="divide-y divide-slate-100">
              {group.shortcuts.map((s) => (
                <div key={s.description} className="flex items-center justify-between gap-4 py-1.5">
                  <dt className="text-slate-700">{s.description}</dt>
                  <dd className="flex shrink-0 items-center gap-1 text-xs text-slate-600">
                    {s.keys.map((key, i) => (
                      <span key={key} className="flex items-center gap-1">
                        {i > 0 ? <span>{s.then ? "then" : "+"}</span> : null}
                        <Key>{key}</Key>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="text-xs text-slate-600">Single keys do nothing while you type in a field.</p>
      </div>
    </ModalDialog>
  );
}
