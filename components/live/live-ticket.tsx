"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { usePoll, useVersionRefresh } from "@/components/live/poll";
import { describePresence, type Presence } from "@/lib/live/presence-entries";
import type { PresenceState } from "@/lib/validations/live";

/** How often the ticket page beats and asks for the ticket's version. */
export const TICKET_POLL_MS = 3_000;

type LiveTicket = {
  /** Who else is on the ticket. */
  others: Presence[];
  /** The composer says whether the member is replying (text or focus) or only viewing. */
  report: (state: PresenceState) => void;
};

const LiveTicketContext = createContext<LiveTicket | null>(null);

/** The live ticket around the page, or null outside one. */
export function useLiveTicket() {
  return useContext(LiveTicketContext);
}

/**
 * Keeps a ticket page current: a heartbeat every few seconds says the member is here (and whether
 * they are replying), and answers who else is and the ticket's version; a newer version refreshes
 * the server-rendered page in place, so client state such as the composer's draft stays.
 */
export function LiveTicketProvider({
  ticket,
  version,
  children,
}: {
  ticket: number;
  version: string;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [others, setOthers] = useState<Presence[]>([]);
  const state = useRef<PresenceState>("viewing");
  const onVersion = useVersionRefresh(version, router.refresh);
  const url = `/api/live/tickets/${ticket}`;

  // The heartbeat under way, so that leaving goes after it rather than being overtaken by it.
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());

  const beat = useCallback(async () => {
    const sent = fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ state: state.current }),
      cache: "no-store",
    });
    inFlight.current = sent.catch(() => undefined);
    const res = await sent;
    if (!res.ok) return;
    const data = (await res.json()) as { version: string; presence: Presence[] };
    setOthers(data.presence);
    onVersion(data.version);
  }, [url, onVersion]);

  usePoll(beat, TICKET_POLL_MS);

  useEffect(() => {
    const leave = () => void fetch(url, { method: "DELETE", keepalive: true }).catch(() => undefined);
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      // Moving to another page of the app: leave once the last heartbeat has landed.
      void inFlight.current.then(leave);
    };
  }, [url]);

  const report = useCallback(
    (next: PresenceState) => {
      if (state.current === next) return;
      state.current = next;
      // Others see "replying" at once rather than at the next beat.
      void beat().catch(() => undefined);
    },
    [beat],
  );

  const value = useMemo(() => ({ others, report }), [others, report]);
  return <LiveTicketContext.Provider value={value}>{children}</LiveTicketContext.Provider>;
}

/** "Ben Ito is replying · Ava Agarwal is viewing" under the ticket's title. */
export function TicketPresence() {
  const live = useLiveTicket();
  const text = live ? describePresence(live.others) : "";
  return (
    <p className="mt-2 min-h-5 text-sm text-slate-600" aria-live="polite" data-testid="ticket-presence">
      {text ? (
        <>
          <span
            aria-hidden
            className={`mr-1.5 inline-block size-2 rounded-full ${live?.others.some((p) => p.state === "replying") ? "bg-amber-500" : "bg-emerald-500"}`}
          />
          {text}
        </>
      ) : null}
    </p>
  );
}
