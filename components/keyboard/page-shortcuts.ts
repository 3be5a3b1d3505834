"use client";

import { useEffect } from "react";
import type { PageKey } from "./shortcuts";

const handlers = new Map<PageKey, () => void>();

/** Lets the page on screen answer its own keys (the ticket page: r, n, a, e) while it is mounted. */
export function usePageShortcuts(map: Partial<Record<PageKey, () => void>>) {
  useEffect(() => {
    const entries = Object.entries(map) as [PageKey, () => void][];
    for (const [key, run] of entries) handlers.set(key, run);
    return () => {
      for (const [key, run] of entries) if (handlers.get(key) === run) handlers.delete(key);
    };
  }, [map]);
}

export function pageShortcut(key: string): (() => void) | undefined {
  return handlers.get(key as PageKey);
}
