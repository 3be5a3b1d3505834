"use client";

import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { applyTheme } from "@/components/theme/theme";
import { ModalDialog } from "./modal-dialog";
import type { PalettePage, PaletteRecord, PaletteSearch } from "./palette-types";

type Item = { id: string; group: string; label: string; hint?: string; run: () => void };

const GROUP_OF: Record<PaletteRecord["kind"], string> = {
  ticket: "Tickets",
  contact: "Contacts",
  article: "Articles",
};
/**
 * Without text the recent tickets come first; with text the actions and pages it names come first,
 * so the option Enter runs does not change when the server's records arrive a moment later.
 */
const RECORD_GROUPS = ["Tickets", "Contacts", "Articles"];
const STATIC_GROUPS = ["Actions", "Pages", "Settings"];
const SEARCH_DELAY_MS = 150;

function matches(item: { label: string; group: string }, query: string) {
  const q = query.trim().toLowerCase();
  return !q || item.label.toLowerCase().includes(q) || item.group.toLowerCase().includes(q);
}

/**
 * ⌘K / Ctrl+K: one box that finds tickets, contacts and articles (searched on the server as you
 * type), actions and every page the user may open. cmdk makes it an ARIA combobox (the arrows move
 * through the options, Enter runs one); the native dialog closes it on Escape.
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
  const [query, setQuery] = useState("");
  const [records, setRecords] = useState<PaletteRecord[]>([]);
  const [selected, setSelected] = useState("");
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
    const theme = (preference: "light" | "dark" | "system") => () => {
      applyTheme(preference);
      onClose();
    };
    const actions: Item[] = [
      { id: "action:new-ticket", group: "Actions", label: "New ticket", run: go("/tickets/new") },
      { id: "action:inbox", group: "Actions", label: "Go to the inbox", run: go("/tickets") },
      { id: "action:mine", group: "Actions", label: "My open tickets", run: go("/tickets?assignee=me&status=open") },
      { id: "action:theme-dark", group: "Actions", label: "Use the dark theme", run: theme("dark") },
      { id: "action:theme-light", group: "Actions", label: "Use the light theme", run: theme("light") },
      { id: "action:theme-system", group: "Actions", label: "Follow the system theme", run: theme("system") },
      { id: "action:shortcuts", group: "Actions", label: "Show keyboard shortcuts", run: onShowShortcuts },
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
    return [...found, ...[...actions, ...pageItems].filter((item) => matches(item, query))];
  }, [records, pages, query, router, onClose, onShowShortcuts]);

  const order = query.trim() ? [...STATIC_GROUPS, ...RECORD_GROUPS] : [...RECORD_GROUPS, ...STATIC_GROUPS];
  const groups = order
    .map((group) => ({ group, items: items.filter((i) => i.group === group) }))
    .filter((g) => g.items.length > 0);
  // The first option is the one Enter runs until the arrows pick another, also after results arrive.
  const first = groups[0]?.items[0]?.id ?? "";
  const current = items.some((item) => item.id === selected) ? selected : first;

  return (
    // Records come back already matched by the server; the static options are matched here.
    <Command label="Command palette" shouldFilter={false} value={current} onValueChange={setSelected} loop>
      <Command.Input
        data-autofocus
        value={query}
        onValueChange={setQuery}
        aria-label="Search tickets, contacts, articles, actions and pages"
        placeholder="Search tickets, contacts, articles, actions, pages…"
        className="block w-full rounded-t-lg border-b border-slate-200 bg-white px-4 py-3 text-sm text-slate-900 outline-none placeholder:text-slate-500"
      />
      <Command.List label="Results" className="max-h-[55vh] overflow-y-auto py-1 text-sm">
        <Command.Empty className="px-4 py-3 text-slate-600">Nothing matches.</Command.Empty>
        {groups.map(({ group, items: groupItems }) => (
          <Command.Group
            key={group}
            heading={group}
            className="[&_[cmdk-group-heading]]:px-4 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-slate-600 [&_[cmdk-group-heading]]:uppercase"
          >
            {groupItems.map((item) => (
              <Command.Item
                key={item.id}
                value={item.id}
                onSelect={() => item.run()}
                className="flex cursor-pointer items-baseline justify-between gap-3 px-4 py-1.5 text-slate-800 data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900"
              >
                <span className="min-w-0 truncate">{item.label}</span>
                {item.hint ? <span className="shrink-0 truncate text-xs text-slate-600">{item.hint}</span> : null}
              </Command.Item>
            ))}
          </Command.Group>
        ))}
      </Command.List>
    </Command>
  );
}
