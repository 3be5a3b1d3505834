"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { applyTheme } from "@/components/theme/theme";
import { ModalDialog } from "./modal-dialog";
import type { PalettePage, PaletteRecord, PaletteSearch } from "./palette-types";

type Item = { id: string; group: string; label: string; hint?: string; run: () => void };

const GROUP_OF: Record<PaletteRecord["kind"], string> = {
  ticket: "Tickets",
  contact: "Contacts",
  article: "Articles",
};
const GROUP_ORDER = ["Tickets", "Contacts", "Articles", "Actions", "Pages", "Settings"];
const SEARCH_DELAY_MS = 150;

const optionId = (listId: string, item: Item) => `${listId}-${item.id.replace(/[^a-zA-Z0-9_-]/g, "_")}`;

function matches(item: { label: string; group: string }, query: string) {
  const q = query.trim().toLowerCase();
  return !q || item.label.toLowerCase().includes(q) || item.group.toLowerCase().includes(q);
}

/**
 * ⌘K / Ctrl+K: one box that finds tickets, contacts and articles (searched on the server as you
 * type), actions and every page the user may open. An ARIA combobox: the arrows move through the
 * options, Enter runs one, Escape closes.
 */
export function CommandPalette({
  open,
  onClose,
  pages,
  search,
  onShowShortcuts,
}: {
  open: boolean;
  onClose: () => void;
  pages: PalettePage[];
  search: PaletteSearch;
  onShowShortcuts: () => void;
}) {
  return (
    <ModalDialog open={open} onClose={onClose} aria-label="Command palette" className="max-w-xl">
      <PaletteBody onClose={onClose} pages={pages} search={search} onShowShortcuts={onShowShortcuts} />
    </ModalDialog>
  );
}

function PaletteBody({
  onClose,
  pages,
  search,
  onShowShortcuts,
}: {
  onClose: () => void;
  pages: PalettePage[];
  search: PaletteSearch;
  onShowShortcuts: () => void;
}) {
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [records, setRecords] = useState<PaletteRecord[]>([]);
  const [active, setActive] = useState(0);
  const latest = useRef("");

  useEffect(() => {
    latest.current = query;
    const timer = window.setTimeout(() => {
      search(query).then(
        (found) => {
          if (latest.current === query) setRecords(found);
        },
        () => {
          if (latest.current === query) setRecords([]);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query, search]);

  const items = useMemo(() => {
    const go = (href: string) => () => {
      onClose();
      router.push(href);
    };
    const actions: Item[] = [
      { id: "new-ticket", group: "Actions", label: "New ticket", run: go("/tickets/new") },
      { id: "inbox", group: "Actions", label: "Go to the inbox", run: go("/tickets") },
      { id: "mine", group: "Actions", label: "My open tickets", run: go("/tickets?assignee=me&status=open") },
      { id: "theme-dark", group: "Actions", label: "Use the dark theme", run: () => (applyTheme("dark"), onClose()) },
      {
        id: "theme-light",
        group: "Actions",
        label: "Use the light theme",
        run: () => (applyTheme("light"), onClose()),
      },
      {
        id: "theme-system",
        group: "Actions",
        label: "Follow the system theme",
        run: () => (applyTheme("system"), onClose()),
      },
      { id: "shortcuts", group: "Actions", label: "Show keyboard shortcuts", run: onShowShortcuts },
    ];
    const pageItems: Item[] = pages.map((p) => ({
      id: `page:${p.href}`,
      group: p.settings ? "Settings" : "Pages",
      label: p.label,
      hint: p.href,
      run: go(p.href),
    }));
    const found: Item[] = records.map((r) => ({
      id: `${r.kind}:${r.href}`,
      group: GROUP_OF[r.kind],
      label: r.label,
      hint: r.hint,
      run: go(r.href),
    }));
    const all = [...found, ...[...actions, ...pageItems].filter((item) => matches(item, query))];
    return all.sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group));
  }, [records, pages, query, router, onClose, onShowShortcuts]);

  const current = Math.min(active, Math.max(0, items.length - 1));
  const groups = GROUP_ORDER.map((group) => ({ group, items: items.filter((i) => i.group === group) })).filter(
    (g) => g.items.length > 0,
  );

  useEffect(() => {
    const item = items[current];
    if (item) document.getElementById(optionId(listId, item))?.scrollIntoView({ block: "nearest" });
  }, [current, items, listId]);

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + items.length) % Math.max(1, items.length));
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      setActive(event.key === "Home" ? 0 : items.length - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      items[current]?.run();
    }
  }

  return (
    <div>
      <input
        autoFocus
        role="combobox"
        aria-label="Search tickets, contacts, articles, actions and pages"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={items[current] ? optionId(listId, items[current]) : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder="Search tickets, contacts, articles, actions, pages…"
        className="block w-full rounded-t-lg border-b border-slate-200 bg-white px-4 py-3 text-sm text-slate-900 outline-none placeholder:text-slate-500"
      />
      <div id={listId} role="listbox" aria-label="Results" className="max-h-[55vh] overflow-y-auto py-1 text-sm">
        {groups.map(({ group, items: groupItems }) => (
          <div key={group} role="group" aria-label={group}>
            <div aria-hidden className="px-4 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {group}
            </div>
            {groupItems.map((item) => {
              const selected = item === items[current];
              return (
                <div
                  key={item.id}
                  id={optionId(listId, item)}
                  role="option"
                  aria-selected={selected}
                  onMouseMove={() => setActive(items.indexOf(item))}
                  onClick={() => item.run()}
                  className={`flex cursor-pointer items-baseline justify-between gap-3 px-4 py-1.5 ${selected ? "bg-indigo-50 text-indigo-900" : "text-slate-800"}`}
                >
                  <span className="min-w-0 truncate">{item.label}</span>
                  {item.hint ? <span className="shrink-0 truncate text-xs text-slate-600">{item.hint}</span> : null}
                </div>
              );
            })}
          </div>
        ))}
        {items.length === 0 ? <p className="px-4 py-3 text-slate-600">Nothing matches.</p> : null}
      </div>
    </div>
  );
}
