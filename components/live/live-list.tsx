"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useState } from "react";
import { usePoll, useVersionRefresh } from "@/components/live/poll";
import { describePresence, type Presence } from "@/lib/live/presence-entries";

/** How often the ticket list asks for its version and who is on its rows. */
export const LIST_POLL_MS = 4_000;

const LiveListContext = createContext<Record<number, Presence[]>>({});

/**
 * Keeps the ticket list current: a poll every few seconds for the workspace's list version (a
 * change refreshes the rows in place, selections kept) and for who is on the rows shown.
 */
export function LiveListProvider({
  tickets,
  version,
  children,
}: {
  tickets: number[];
  version: string;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [presence, setPresence] = useState<Record<number, Presence[]>>({});
  const onVersion = useVersionRefresh(version, router.refresh);
  const query = tickets.join(",");

  const poll = useCallback(async () => {
    const res = await fetch(`/api/live/tickets?${new URLSearchParams({ tickets: query })}`, { cache: "no-store" });
    if (!res.ok) return;
    const data = (await res.json()) as { version: string; presence: Record<number, Presence[]> };
    setPresence(data.presence);
    onVersion(data.version);
  }, [query, onVersion]);

  usePoll(poll, LIST_POLL_MS);
  return <LiveListContext.Provider value={presence}>{children}</LiveListContext.Provider>;
}

/** Who is on one row's ticket ("Ben Ito is replying"), or nothing. */
export function RowPresence({ ticket }: { ticket: number }) {
  const others = useContext(LiveListContext)[ticket] ?? [];
  if (!others.length) return null;
  const replying = others.some((p) => p.state === "replying");
  return (
    <span
      className={`inline-flex items-center gap-1 text-xs ${replying ? "text-amber-800" : "text-emerald-800"}`}
      data-testid="row-presence"
    >
      <span
        aria-hidden
        className={`inline-block size-1.5 rounded-full ${replying ? "bg-amber-500" : "bg-emerald-500"}`}
      />
      {describePresence(others)}
    </span>
  );
}
