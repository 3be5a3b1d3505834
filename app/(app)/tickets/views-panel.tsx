"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { createViewAction, deleteViewAction, updateViewFiltersAction } from "./actions";

type View = {
  id: string;
  name: string;
  visibility: "personal" | "shared";
  filters: Record<string, string>;
  count_text: string | null;
  count: number | null;
  exact: boolean;
  can_edit: boolean;
};

/** The list's current filters as hidden fields, for saving them into a view. */
function FilterFields({ filters }: { filters: Record<string, string> }) {
  return Object.entries(filters).map(([key, value]) => (
    <input key={key} type="hidden" name={`filter_${key}`} value={value} />
  ));
}

/** Saved views with their live counts; a view opens the list with its filters in the address. */
export function ViewsPanel({
  views,
  current,
  activeId,
}: {
  views: View[];
  current: Record<string, string>;
  activeId?: string;
}) {
  const [saved, saveAction, saving] = useActionState(createViewAction, IDLE);
  const [changed, changeAction, changing] = useActionState(updateViewFiltersAction, IDLE);
  const [deleted, deleteAction, deleting] = useActionState(deleteViewAction, IDLE);
  const active = views.find((v) => v.id === activeId);
  return (
    <aside className="space-y-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200" aria-label="Views">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Views</h2>
      <ul className="flex flex-wrap gap-1 md:flex-col" data-testid="views">
        {views.map((view) => (
          <li key={view.id}>
            <Link
              href={`/tickets?${new URLSearchParams({ ...view.filters, view: view.id })}`}
              data-testid="view-link"
              data-view={view.name}
              aria-current={view.id === activeId ? "page" : undefined}
              className={`flex items-center justify-between gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-100 ${
                view.id === activeId ? "bg-indigo-50 font-medium text-indigo-800" : "text-slate-700"
              }`}
            >
              <span className="truncate">
                {view.name}
                {view.visibility === "personal" ? <span className="sr-only"> (personal)</span> : null}
              </span>
              <span
                className="shrink-0 text-xs tabular-nums text-slate-500"
                data-testid="view-count"
                title={view.count_text ?? undefined}
              >
                {view.count === null
                  ? "–"
                  : view.exact
                    ? view.count.toLocaleString("en")
                    : `~${view.count_text?.replace(/^about | tickets?$/g, "")}`}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {active?.can_edit ? (
        <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-2">
          <form action={changeAction}>
            <input type="hidden" name="view_id" value={active.id} />
            <FilterFields filters={current} />
            <Button type="submit" variant="ghost" disabled={changing} className="px-2 text-xs">
              Save filters to “{active.name}”
            </Button>
          </form>
          <form action={deleteAction}>
            <input type="hidden" name="view_id" value={active.id} />
            <Button type="submit" variant="ghost" disabled={deleting} className="px-2 text-xs text-rose-700">
              Delete view
            </Button>
          </form>
        </div>
      ) : null}
      <FormMessage state={changed} />
      <FormMessage state={deleted} />
      <form action={saveAction} className="space-y-1.5 border-t border-slate-100 pt-2" aria-label="Save view">
        <FilterFields filters={current} />
        <input
          name="name"
          aria-label="View name"
          placeholder="Name these filters"
          className={INPUT_CLASS}
          maxLength={60}
        />
        <div className="flex gap-2">
          <select name="visibility" aria-label="Who sees it" className={INPUT_CLASS} defaultValue="personal">
            <option value="personal">Only me</option>
            <option value="shared">Workspace</option>
          </select>
          <Button type="submit" disabled={saving} variant="secondary">
            Save view
          </Button>
        </div>
        <FormMessage state={saved} />
      </form>
    </aside>
  );
}
