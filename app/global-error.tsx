"use client";

import { StatusPage } from "@/components/app-shell/status-page";
import { THEME_SCRIPT } from "@/components/theme/theme";
import "./globals.css";

/** When the root layout itself fails: the same branded page, in a document of its own. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <title>Something went wrong · Deskbridge</title>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen">
        <StatusPage
          code="Error"
          title="Something went wrong"
          back={{ href: "/tickets", label: "Back to your tickets" }}
          actions={
            <button
              type="button"
              onClick={reset}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300"
            >
              Try again
            </button>
          }
        >
          <p>Deskbridge could not show this page.</p>
          {error.digest ? (
            <p className="mt-2 text-xs">
              Reference <code>{error.digest}</code>
            </p>
          ) : null}
        </StatusPage>
      </body>
    </html>
  );
}
