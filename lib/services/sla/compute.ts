// The SLA state of one ticket, as a pure function of its previous state, the ticket after a change,
// the policy that applies and the calendar: every ticket write and the breach job call it.
import {
  addBusinessMinutes,
  ALWAYS_OPEN,
  businessMinutesBetween,
  type BusinessCalendar,
} from "@/lib/services/sla/business-hours";

export type SlaTarget = { first_response_minutes: number | null; resolution_minutes: number | null };
export type PriorityName = "low" | "normal" | "high" | "urgent";
export type SlaTargets = Partial<Record<PriorityName, SlaTarget>>;

export type SlaPolicyRule = {
  id: string;
  name: string;
  teamId: string | null;
  tag: string | null;
  targets: SlaTargets;
  businessHours: boolean;
  position: number;
};

/** The SLA columns a ticket stores. */
export type SlaColumns = {
  slaPolicyId: string | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  slaDueAt: Date | null;
  slaPausedAt: Date | null;
  slaPausedMinutes: number;
  slaBreachedAt: Date | null;
  firstResponseMissed: boolean;
  resolutionMissed: boolean;
};

export type SlaTicket = {
  createdAt: Date;
  status: "open" | "pending" | "resolved" | "closed";
  priority: PriorityName;
  teamId: string | null;
  tags: readonly string[];
  firstResponseAt: Date | null;
};

export type SlaEvent =
  | { kind: "policy"; from: string | null; to: string | null }
  | { kind: "breach"; target: "first_response" | "resolution"; due_at: Date };

/** The clock stops while the ticket waits on the customer and once it is done. */
export const STOPPED_STATUSES: ReadonlySet<SlaTicket["status"]> = new Set(["pending", "resolved", "closed"]);
const DONE_STATUSES: ReadonlySet<SlaTicket["status"]> = new Set(["resolved", "closed"]);

/**
 * The policy for a ticket: among those whose team and tag match (a null one matches every ticket)
 * and that set a target for its priority, the most specific (team and tag, then team, then tag,
 * then neither), then the lowest position.
 */
export function matchPolicy(policies: readonly SlaPolicyRule[], ticket: SlaTicket): SlaPolicyRule | null {
  const specificity = (p: SlaPolicyRule) => (p.teamId ? 2 : 0) + (p.tag ? 1 : 0);
  const candidates = policies.filter(
    (p) =>
      (p.teamId === null || p.teamId === ticket.teamId) &&
      (p.tag === null || ticket.tags.includes(p.tag)) &&
      p.targets[ticket.priority] !== undefined,
  );
  candidates.sort((a, b) => specificity(b) - specificity(a) || a.position - b.position || a.id.localeCompare(b.id));
  return candidates[0] ?? null;
}

export const NO_SLA: SlaColumns = {
  slaPolicyId: null,
  firstResponseDueAt: null,
  resolutionDueAt: null,
  slaDueAt: null,
  slaPausedAt: null,
  slaPausedMinutes: 0,
  slaBreachedAt: null,
  firstResponseMissed: false,
  resolutionMissed: false,
};

const at = (d: Date | null) => d?.getTime() ?? null;

/**
 * The ticket's SLA columns at `now`, after a change. Targets count business minutes from creation
 * (or every minute, for a policy that ignores business hours); every completed pause moves the due
 * times out by its business minutes. A target still running whose due time has come is missed (its
 * breach event reported once); a missed target drops out of slaDueAt, which holds the next one due.
 */
export function computeSla(
  prev: SlaColumns,
  prevFirstResponseAt: Date | null,
  ticket: SlaTicket,
  policy: SlaPolicyRule | null,
  calendar: BusinessCalendar | null,
  now: Date,
): { columns: SlaColumns; events: SlaEvent[] } {
  const events: SlaEvent[] = [];
  if (prev.slaPolicyId !== (policy?.id ?? null))
    events.push({ kind: "policy", from: prev.slaPolicyId, to: policy?.id ?? null });
  const cal = policy && !policy.businessHours ? ALWAYS_OPEN : (calendar ?? ALWAYS_OPEN);

  // 1. What the clock that ran until now missed, by the due times it ran against.
  let firstResponseMissed = prev.firstResponseMissed;
  let resolutionMissed = prev.resolutionMissed;
  const wasRunning = prev.slaPolicyId !== null && prev.slaPausedAt === null;
  if (wasRunning) {
    if (
      !firstResponseMissed &&
      prevFirstResponseAt === null &&
      prev.firstResponseDueAt &&
      prev.firstResponseDueAt <= now
    ) {
      firstResponseMissed = true;
      events.push({ kind: "breach", target: "first_response", due_at: prev.firstResponseDueAt });
    }
    if (!resolutionMissed && prev.resolutionDueAt && prev.resolutionDueAt <= now) {
      resolutionMissed = true;
      events.push({ kind: "breach", target: "resolution", due_at: prev.resolutionDueAt });
    }
  }

  // 2. Pauses: a stop ending adds its business minutes; a stop starting is stamped.
  const stopped = STOPPED_STATUSES.has(ticket.status);
  let slaPausedAt = prev.slaPausedAt;
  let slaPausedMinutes = prev.slaPausedMinutes;
  if (slaPausedAt && !stopped) {
    slaPausedMinutes += Math.round(businessMinutesBetween(slaPausedAt, now, cal));
    slaPausedAt = null;
  } else if (!slaPausedAt && stopped) {
    slaPausedAt = now;
  }

  if (!policy) {
    return { columns: { ...NO_SLA, slaPausedAt, slaPausedMinutes }, events };
  }
  if (prev.slaPolicyId !== policy.id) {
    // Another policy measures other targets: what the old one missed does not carry over.
    firstResponseMissed = false;
    resolutionMissed = false;
  }

  // 3. Due times from creation, moved out by the pauses.
  const target = policy.targets[ticket.priority]!;
  const due = (minutes: number | null) =>
    minutes === null ? null : addBusinessMinutes(ticket.createdAt, minutes + slaPausedMinutes, cal);
  const firstResponseDueAt = due(target.first_response_minutes);
  const resolutionDueAt = due(target.resolution_minutes);

  // 4. A running target already past due (a due time that moved into the past) is missed now.
  const running = slaPausedAt === null;
  if (running) {
    const unmetBefore = prevFirstResponseAt === null;
    if (
      !firstResponseMissed &&
      unmetBefore &&
      firstResponseDueAt &&
      firstResponseDueAt <= (ticket.firstResponseAt ?? now)
    ) {
      firstResponseMissed = true;
      if (!events.some((e) => e.kind === "breach" && e.target === "first_response"))
        events.push({ kind: "breach", target: "first_response", due_at: firstResponseDueAt });
    }
    if (!resolutionMissed && resolutionDueAt && resolutionDueAt <= now) {
      resolutionMissed = true;
      events.push({ kind: "breach", target: "resolution", due_at: resolutionDueAt });
    }
  }

  const pending = [
    ticket.firstResponseAt === null && !firstResponseMissed ? at(firstResponseDueAt) : null,
    !resolutionMissed ? at(resolutionDueAt) : null,
  ].filter((t): t is number => t !== null);
  const slaDueAt = running && pending.length ? new Date(Math.min(...pending)) : null;
  const anyMissed = firstResponseMissed || resolutionMissed;
  const slaBreachedAt = DONE_STATUSES.has(ticket.status) || !anyMissed ? null : (prev.slaBreachedAt ?? now);
  return {
    columns: {
      slaPolicyId: policy.id,
      firstResponseDueAt,
      resolutionDueAt,
      slaDueAt,
      slaPausedAt,
      slaPausedMinutes,
      slaBreachedAt,
      firstResponseMissed,
      resolutionMissed,
    },
    events,
  };
}

export type SlaTargetState = {
  due_at: string | null;
  /** "met", "missed" (late or still outstanding past due), "running", "paused" or "none" (no target). */
  state: "met" | "missed" | "running" | "paused" | "none";
  /** Business seconds left (negative: overdue) while running or paused; null when met or none. */
  remaining_seconds: number | null;
};

export type SlaState = {
  policy: { id: string; name: string } | null;
  breached: boolean;
  paused: boolean;
  first_response: SlaTargetState;
  resolution: SlaTargetState;
  /** The next due time still ahead or just passed while the clock runs. */
  next_due_at: string | null;
};

/**
 * The SLA state a reader sees at `now`: the stored columns, with "breached" derived from a due time
 * that passed since the breach job last ran.
 */
export function readSlaState(
  c: SlaColumns & { firstResponseAt: Date | null; resolvedAt: Date | null },
  policy: { id: string; name: string } | null,
  calendar: BusinessCalendar | null,
  businessHours: boolean,
  now: Date,
): SlaState {
  const none: SlaTargetState = { due_at: null, state: "none", remaining_seconds: null };
  if (!policy || !c.slaPolicyId) {
    return { policy: null, breached: false, paused: false, first_response: none, resolution: none, next_due_at: null };
  }
  const cal = businessHours ? (calendar ?? ALWAYS_OPEN) : ALWAYS_OPEN;
  const paused = c.slaPausedAt !== null;
  const remaining = (due: Date) => {
    const from = paused ? c.slaPausedAt! : now;
    const ahead = businessMinutesBetween(from, due, cal);
    const behind = businessMinutesBetween(due, from, cal);
    return Math.round((ahead - behind) * 60);
  };
  const target = (due: Date | null, metAt: Date | null, missed: boolean): SlaTargetState => {
    if (!due) return none;
    const dueAt = due.toISOString();
    if (metAt) return { due_at: dueAt, state: missed ? "missed" : "met", remaining_seconds: null };
    const left = remaining(due);
    if (missed || (!paused && due <= now)) return { due_at: dueAt, state: "missed", remaining_seconds: left };
    return { due_at: dueAt, state: paused ? "paused" : "running", remaining_seconds: left };
  };
  const first_response = target(c.firstResponseDueAt, c.firstResponseAt, c.firstResponseMissed);
  const resolution = target(c.resolutionDueAt, c.resolvedAt, c.resolutionMissed);
  const breached =
    c.slaBreachedAt !== null ||
    (c.slaDueAt !== null && c.slaDueAt <= now) ||
    (c.resolvedAt === null && (first_response.state === "missed" || resolution.state === "missed"));
  return {
    policy,
    breached,
    paused,
    first_response,
    resolution,
    next_due_at: c.slaDueAt?.toISOString() ?? null,
  };
}
