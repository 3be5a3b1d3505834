import type { AgentStatus } from "@/lib/generated/prisma/enums";

export const STATUS_LABELS: Record<AgentStatus, string> = { online: "Online", away: "Away", offline: "Offline" };

const DOTS: Record<AgentStatus, string> = {
  online: "bg-emerald-500",
  away: "bg-amber-400",
  offline: "bg-slate-300",
};

/** A coloured dot with the status in words (colour is never the only signal). */
export function StatusDot({ status, label = true }: { status: AgentStatus; label?: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="agent-status" data-status={status}>
      <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${DOTS[status]}`} />
      {label ? <span>{STATUS_LABELS[status]}</span> : <span className="sr-only">{STATUS_LABELS[status]}</span>}
    </span>
  );
}
