import type { PresenceState } from "@/lib/validations/live";

// Presence as kept in the shared store: one value per member of a workspace, naming the tickets
// that member has open and what they are doing on each, every entry with its own deadline. A
// member's tabs write only their own value, so two instances never race over someone else's.

/** How long a heartbeat keeps a member on a ticket; the page beats well within it. */
export const PRESENCE_TTL_S = 15;

export type PresenceEntries = Record<string, { state: PresenceState; until: number }>;

/** Someone else on a ticket, as the page shows them. */
export type Presence = { userId: string; name: string; state: PresenceState };

/** The store's key for a member's presence in a workspace. */
export const presenceKey = (workspaceId: string, userId: string) => `presence:${workspaceId}:${userId}`;

/** The entries a stored value holds that have not expired; anything unreadable counts as none. */
export function readEntries(raw: string | null, now: number): PresenceEntries {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  const entries: PresenceEntries = {};
  for (const [ticket, entry] of Object.entries(parsed as Record<string, unknown>)) {
    const { state, until } = (entry ?? {}) as { state?: unknown; until?: unknown };
    if ((state === "viewing" || state === "replying") && typeof until === "number" && until > now)
      entries[ticket] = { state, until };
  }
  return entries;
}

/** The entries with one ticket's set to `state` for another TTL, or dropped when `state` is null. */
export function withEntry(
  entries: PresenceEntries,
  ticket: number,
  state: PresenceState | null,
  now: number,
  ttlS = PRESENCE_TTL_S,
): PresenceEntries {
  const next = { ...entries };
  if (state) next[String(ticket)] = { state, until: now + ttlS * 1000 };
  else delete next[String(ticket)];
  return next;
}

/** Seconds until the last of the entries expires (the stored value's own TTL); 0 when none is left. */
export function ttlOf(entries: PresenceEntries, now: number): number {
  const last = Math.max(0, ...Object.values(entries).map((e) => e.until));
  return Math.max(0, Math.ceil((last - now) / 1000));
}

/**
 * Who else is on each of `tickets`, from the members' stored values (in the members' order):
 * those replying first, then by name. The asking member is left out.
 */
export function presenceOn(
  members: readonly { id: string; name: string }[],
  values: readonly (string | null)[],
  tickets: readonly number[],
  selfId: string | null,
  now: number,
): Record<number, Presence[]> {
  const out: Record<number, Presence[]> = Object.fromEntries(tickets.map((t) => [t, []]));
  members.forEach((member, i) => {
    if (member.id === selfId) return;
    const entries = readEntries(values[i] ?? null, now);
    for (const ticket of tickets) {
      const entry = entries[String(ticket)];
      if (entry) out[ticket]!.push({ userId: member.id, name: member.name, state: entry.state });
    }
  });
  for (const list of Object.values(out))
    list.sort((a, b) => (a.state === b.state ? a.name.localeCompare(b.name) : a.state === "replying" ? -1 : 1));
  return out;
}

/** "Ben Ito is replying", "Ben Ito and Ava Agarwal are viewing", one clause per state. */
export function describePresence(list: readonly Pick<Presence, "name" | "state">[]): string {
  const clause = (state: PresenceState) => {
    const names = list.filter((p) => p.state === state).map((p) => p.name);
    if (!names.length) return null;
    const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
    return `${who} ${names.length === 1 ? "is" : "are"} ${state}`;
  };
  return [clause("replying"), clause("viewing")].filter(Boolean).join(" · ");
}
