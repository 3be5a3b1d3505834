import Link from "next/link";

/** The foot of a keyset-paged list: back to the first page once past it, and on to the next when there is one. */
export function Pager({ firstHref, nextHref }: { firstHref: string | null; nextHref: string | null }) {
  return (
    <div className="flex justify-between border-t border-slate-100 px-3 py-2 text-sm">
      {firstHref ? (
        <Link href={firstHref} className="text-indigo-700 hover:underline">
          ← First page
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} className="text-indigo-700 hover:underline" rel="next">
          Next page →
        </Link>
      ) : null}
    </div>
  );
}
