"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { CommandPalette } from "./command-palette";
import { pageShortcut } from "./page-shortcuts";
import type { PalettePage, PaletteSearch } from "./palette-types";
import { ShortcutHelp } from "./shortcut-help";
import { isEditable, stepIndex } from "./shortcuts";

const LIST_ITEM = "main [data-list-item]";
const SEARCH_BOX = 'main [role="search"] input:not([type="hidden"]), main input[type="search"]';
/** Another dialog on screen (a confirmation, say) keeps its keys to itself. */
const OPEN_DIALOG = 'dialog[open], [role="alertdialog"], [aria-modal="true"]';
const SEQUENCE_MS = 1500;

function visibleItems(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(LIST_ITEM)].filter((el) => el.getClientRects().length > 0);
}

/** Moves the list's highlight one item and puts the focus on its link, so Enter opens it. */
function moveInList(step: 1 | -1) {
  const items = visibleItems();
  const focused = items.findIndex((el) => el.contains(document.activeElement));
  const current = focused >= 0 ? focused : items.findIndex((el) => el.hasAttribute("data-active"));
  const next = stepIndex(current, step, items.length);
  if (next < 0) return;
  for (const el of items) el.removeAttribute("data-active");
  const item = items[next]!;
  item.setAttribute("data-active", "");
  const link = item.querySelector<HTMLElement>("a[href]") ?? item;
  if (link === item && !item.hasAttribute("tabindex")) item.tabIndex = -1;
  link.focus();
  item.scrollIntoView({ block: "nearest" });
}

/**
 * The app's keyboard: j/k/Enter in lists, g then i, /, ⌘K or Ctrl+K for the command palette, ? for
 * the list of shortcuts, and the keys the page on screen registers (usePageShortcuts). Single keys
 * never act while the focus is somewhere that types.
 */
export function KeyboardShortcuts({ pages, search }: { pages: PalettePage[]; search: PaletteSearch }) {
  const router = useRouter();
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  const pendingG = useRef<number | null>(null);

  const openHelp = useCallback(() => {
    setPalette(false);
    setHelp(true);
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const key = event.key;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && key.toLowerCase() === "k") {
        event.preventDefault();
        setHelp(false);
        setPalette((open) => !open);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isEditable(event.target) || document.querySelector(OPEN_DIALOG)) return;

      if (pendingG.current !== null) {
        window.clearTimeout(pendingG.current);
        pendingG.current = null;
        if (key === "i") {
          event.preventDefault();
          router.push("/tickets");
          return;
        }
      }
      switch (key) {
        case "?":
          event.preventDefault();
          openHelp();
          return;
        case "/": {
          event.preventDefault();
          const box = document.querySelector<HTMLInputElement>(SEARCH_BOX);
          if (box) {
            box.focus();
            box.select();
          } else setPalette(true);
          return;
        }
        case "g":
          pendingG.current = window.setTimeout(() => (pendingG.current = null), SEQUENCE_MS);
          return;
        case "j":
        case "k":
          event.preventDefault();
          moveInList(key === "j" ? 1 : -1);
          return;
        case "Enter": {
          // On a link or a button Enter already does its own thing.
          if (event.target !== document.body) return;
          const active = document.querySelector<HTMLElement>(`${LIST_ITEM}[data-active] a[href]`);
          if (active) {
            event.preventDefault();
            active.click();
          }
          return;
        }
        default: {
          const run = event.shiftKey ? undefined : pageShortcut(key);
          if (run) {
            event.preventDefault();
            run();
          }
        }
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [router, openHelp]);

  return (
    <>
      <CommandPalette
        open={palette}
        onClose={() => setPalette(false)}
        pages={pages}
        search={search}
        onShowShortcuts={openHelp}
      />
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </>
  );
}
