import Link from "next/link";
import { INPUT_CLASS } from "@/components/ui/field";

/** The help center's frame: the workspace's name and a search box on every page. */
export function HelpShell({
  center,
  q,
  children,
}: {
  center: { name: string; slug: string };
  q?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-3xl space-y-3 px-4 py-5">
          <Link href={`/help/${center.slug}`} className="text-lg font-semibold text-indigo-700">
            {center.name} help center
          </Link>
          <form method="get" action={`/help/${center.slug}`} role="search" className="flex gap-2">
            <input
              name="q"
              defaultValue={q}
              placeholder="Search for answers"
              aria-label="Search the help center"
              className={INPUT_CLASS}
            />
            <button
              type="submit"
              className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
            >
              Search
            </button>
          </form>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
    </div>
  );
}
