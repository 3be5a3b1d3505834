"use client";

import { StatusPage } from "@/components/app-shell/status-page";
import { Button } from "@/components/ui/button";

/** A page that failed to render: a retry, and the ticket list (which asks a signed-out visitor to sign in). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage
      code="Error"
      title="Something went wrong"
      back={{ href: "/tickets", label: "Back to your tickets" }}
      actions={
        <Button type="button" variant="secondary" onClick={reset}>
          Try again
        </Button>
      }
    >
      <p>This page could not be shown. Try again, or go back to your tickets.</p>
      {error.digest ? (
        <p className="mt-2 text-xs">
          Reference <code>{error.digest}</code>
        </p>
      ) : null}
    </StatusPage>
  );
}
