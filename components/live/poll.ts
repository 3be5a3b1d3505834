"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * Runs `poll` now and then `everyMs` after each run finishes (never two at once from the timer),
 * until the component goes. A failed poll waits for the next one.
 */
export function usePoll(poll: () => Promise<void>, everyMs: number) {
  const latest = useRef(poll);
  useEffect(() => {
    latest.current = poll;
  }, [poll]);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      try {
        await latest.current();
      } catch {
        // Offline or signed out for a moment: the next poll tries again.
      }
      if (!stopped) timer = setTimeout(() => void run(), everyMs);
    };
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [everyMs]);
}

/**
 * Refreshes the server-rendered page when a poll reports a version other than the one it shows.
 * The version the page was rendered with is the baseline again after each render.
 */
export function useVersionRefresh(rendered: string, refresh: () => void) {
  const known = useRef(rendered);
  useEffect(() => {
    known.current = rendered;
  }, [rendered]);
  return useCallback(
    (polled: string) => {
      if (polled === known.current) return;
      known.current = polled;
      refresh();
    },
    [refresh],
  );
}
