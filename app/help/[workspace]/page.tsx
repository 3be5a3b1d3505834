// The public help center of one workspace: published articles by category, and search. No sign-in.
import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Snippet } from "@/components/ui/snippet";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { findHelpCenter, listHelpCenterSections, searchHelpCenter } from "@/lib/services/knowledge/help-center";
import { HelpShell } from "./help-shell";

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const center = await findHelpCenter((await params).workspace);
  return { title: center ? `${center.name} help center` : "Help center not found" };
}

export default async function HelpCenterPage({ params, searchParams }: Props) {
  const center = await findHelpCenter((await params).workspace);
  if (!center) notFound();
  const raw = (await searchParams).q;
  const q = typeof raw === "string" ? raw.trim().slice(0, 200) : "";
  return (
    <HelpShell center={center} q={q}>
      {q ? <Results center={center} q={q} /> : <Sections center={center} />}
    </HelpShell>
  );
}

type Center = NonNullable<Awaited<ReturnType<typeof findHelpCenter>>>;

async function Results({ center, q }: { center: Center; q: string }) {
  const { items: results, retryAfterS } = await searchHelpCenter(center, q, clientIp(await headers()));
  if (retryAfterS !== null)
    return (
      <section className="space-y-3">
        <p role="alert" className="rounded-lg bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200">
          {`Too many searches from your network. Try again in ${retryAfterS === 1 ? "1 second" : `${retryAfterS} seconds`}.`}
        </p>
        <Link href={`/help/${center.slug}`} className="inline-block text-sm text-slate-600 hover:underline">
          ← All articles
        </Link>
      </section>
    );
  return (
    <section className="space-y-3">
      <h1 className="text-lg font-semibold">
        {results.length ? `Articles matching “${q}”` : `No articles match “${q}”`}
      </h1>
      <ul className="space-y-2" data-testid="help-results">
        {results.map((a) => (
          <li key={a.id} className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
            <Link href={`/help/${center.slug}/${a.slug}`} className="font-medium text-indigo-700 hover:underline">
              {a.title}
            </Link>
            {a.snippet ? <Snippet text={a.snippet} /> : null}
          </li>
        ))}
      </ul>
      <Link href={`/help/${center.slug}`} className="inline-block text-sm text-slate-600 hover:underline">
        ← All articles
      </Link>
    </section>
  );
}

async function Sections({ center }: { center: Center }) {
  const sections = await listHelpCenterSections(center);
  if (!sections.length) return <p className="text-slate-600">No articles have been published yet.</p>;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {sections.map((s) => (
        <section
          key={s.id}
          className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
          data-testid="help-section"
        >
          <h2 className="mb-2 font-semibold">{s.name}</h2>
          <ul className="space-y-1 text-sm">
            {s.articles.map((a) => (
              <li key={a.slug}>
                <Link href={`/help/${center.slug}/${a.slug}`} className="text-indigo-700 hover:underline">
                  {a.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
