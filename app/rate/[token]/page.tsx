// The public CSAT page a customer rates a resolved ticket at. No sign-in: the signed link is the key.
// Opening it only shows the page; the rating is the form's POST.
import type { Metadata } from "next";
import { findRatingPage, type RatingPage } from "@/lib/services/csat/rating-page";
import { RatingForm } from "./rating-form";

type Props = { params: Promise<{ token: string }> };

export const metadata: Metadata = {
  title: "Rate your support",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function RatePage({ params }: Props) {
  const { token } = await params;
  const page: RatingPage = token.length <= 200 ? await findRatingPage(token) : { state: "unknown" };
  return (
    <div className="min-h-screen bg-slate-50">
      <main className="mx-auto max-w-xl space-y-4 px-4 py-12">
        {page.state === "unknown" ? (
          <Notice title="This rating link is not valid">
            The link may be incomplete: open it again from the message you received, or reply to your support
            conversation instead.
          </Notice>
        ) : page.state === "closed" ? (
          <Notice title={page.reason === "expired" ? "This rating link has expired" : "This rating link was replaced"}>
            {page.reason === "expired"
              ? "Ratings are taken for two weeks after a request is resolved."
              : "A newer rating link was sent for this request: use the latest one you received."}
            {page.rating ? ` Your rating (${page.rating.label}) was recorded. Thank you!` : ""}
          </Notice>
        ) : (
          <section className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <p className="text-sm text-slate-500">{page.workspace} support</p>
            <h1 className="text-xl font-semibold">How did we do?</h1>
            <p className="text-sm text-slate-700">
              Your request{" "}
              <span className="font-medium">
                #{page.ticket.number} “{page.ticket.subject}”
              </span>{" "}
              was resolved. Please rate the help you received.
            </p>
            {page.rating ? (
              <p className="text-sm text-slate-700" data-testid="current-rating">
                Your rating: <span className="font-medium">{page.rating.label}</span>. You can change it until{" "}
                {new Date(page.expires_at).toLocaleDateString("en-GB", { dateStyle: "long" })}.
              </p>
            ) : null}
            <RatingForm
              token={token}
              scale={page.scale}
              current={page.rating ? { label: page.rating.label, comment: page.rating.comment } : null}
            />
          </section>
        )}
      </main>
    </div>
  );
}

function Notice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2 rounded-lg bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-slate-600">{children}</p>
    </section>
  );
}
