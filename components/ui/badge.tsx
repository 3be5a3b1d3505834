const TONES: Record<string, string> = {
  open: "bg-sky-100 text-sky-800",
  pending: "bg-amber-100 text-amber-800",
  resolved: "bg-emerald-100 text-emerald-800",
  closed: "bg-slate-200 text-slate-700",
  low: "bg-slate-100 text-slate-600",
  normal: "bg-slate-100 text-slate-800",
  high: "bg-orange-100 text-orange-800",
  urgent: "bg-rose-100 text-rose-800",
  deactivated: "bg-rose-100 text-rose-800",
  draft: "bg-amber-100 text-amber-800",
  published: "bg-emerald-100 text-emerald-800",
};

export function Badge({ children, tone }: { children: React.ReactNode; tone?: string }) {
  return (
    <span
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${TONES[tone ?? ""] ?? "bg-slate-100 text-slate-700"}`}
    >
      {children}
    </span>
  );
}
