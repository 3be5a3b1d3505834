import Link from "next/link";

/** The branded frame of the 404 and error pages: the name, what happened, and a way back. */
export function StatusPage({
  code,
  title,
  children,
  back,
  actions,
}: {
  code: string;
  title: string;
  children: React.ReactNode;
  back: { href: string; label: string };
  actions?: React.ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-16">
      <div className="w-full max-w-md space-y-5 rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
        {/* A plain anchor: the error pages must work even when the client router does not. */}
        <a href={back.href} className="text-lg font-semibold text-indigo-700">
          Deskbridge
        </a>
        <p className="text-5xl font-bold tracking-tight text-slate-900">{code}</p>
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        <div className="text-sm text-slate-600">{children}</div>
        <div className="flex flex-wrap items-center justify-center gap-3">
          {actions}
          <Link
            href={back.href}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            {back.label}
          </Link>
        </div>
      </div>
    </main>
  );
}
