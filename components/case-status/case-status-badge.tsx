// A sub-status label in its colour. Full class names, so Tailwind keeps each one.
const COLORS: Record<string, { badge: string; dot: string }> = {
  slate: { badge: "bg-slate-100 text-slate-800 ring-slate-300", dot: "bg-slate-500" },
  red: { badge: "bg-red-50 text-red-800 ring-red-200", dot: "bg-red-500" },
  orange: { badge: "bg-orange-50 text-orange-800 ring-orange-200", dot: "bg-orange-500" },
  amber: { badge: "bg-amber-50 text-amber-800 ring-amber-200", dot: "bg-amber-500" },
  yellow: { badge: "bg-yellow-50 text-yellow-800 ring-yellow-200", dot: "bg-yellow-400" },
  lime: { badge: "bg-lime-50 text-lime-800 ring-lime-200", dot: "bg-lime-500" },
  green: { badge: "bg-green-50 text-green-800 ring-green-200", dot: "bg-green-500" },
  teal: { badge: "bg-teal-50 text-teal-800 ring-teal-200", dot: "bg-teal-500" },
  sky: { badge: "bg-sky-50 text-sky-800 ring-sky-200", dot: "bg-sky-500" },
  blue: { badge: "bg-blue-50 text-blue-800 ring-blue-200", dot: "bg-blue-500" },
  indigo: { badge: "bg-indigo-50 text-indigo-800 ring-indigo-200", dot: "bg-indigo-500" },
  violet: { badge: "bg-violet-50 text-violet-800 ring-violet-200", dot: "bg-violet-500" },
  pink: { badge: "bg-pink-50 text-pink-800 ring-pink-200", dot: "bg-pink-500" },
};

export function CaseStatusBadge({ name, color }: { name: string; color: string }) {
  const tone = COLORS[color] ?? COLORS.slate!;
  return (
    <span
      data-testid="case-status"
      data-color={color}
      className={`inline-flex max-w-full items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone.badge}`}
    >
      <span aria-hidden className={`h-1.5 w-1.5 shrink-0 rounded-full ${tone.dot}`} />
      <span className="truncate">{name}</span>
    </span>
  );
}
