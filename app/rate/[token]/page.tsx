// The public CSAT page a customer rates a resolved ticket at. No sign-in: the signed link is the key.
// Opening it only shows the page (mail scanners open links first); the rating is the form's POST.
import type { Metadata } from "next";
import { findRatingPage, type RatingPage } from "@/lib/services/csat/rating-page";
import { RatingForm } from "./rating-form";
import { TimeAgo } from "@/components/ui/time-ago";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = {
  title: "Rate your support",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** What the POST came back to say. */
function outcome(query: Record<string, string | string[] | undefined>): { ok: boolean; text: string } | null {
  if (query.rated === "new") return { ok: true, text: "Thank you for your rating!" };
  if (query.rated === "changed") return { ok: true, text: "Your rating was changed. Thank you!" };
  const retry = Number(query.retry);
  switch (query.error) {
    case "rating":
      return { ok: false, text: "Choose a rating first." };
    case "comment":
      return { ok: false, text: "The comment is too long: at most 2,000 characters." };
    case "limited":
      return {
        ok: false,
        text: `Too many ratings from your network. Try again in ${retry === 1 ? "1 second" : `${retry > 0 ? retry : "a few"} seconds`}.`,
      };
    case "failed":
      return { ok: false, text: "Your rating could not be saved. Please try again in a moment." };
    default:
      return null;
  }
}

export default async function RatePage({ params, searchParams }: Props) {
  const { token } = await params;
  const said = outcome(await searchParams);
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
            {said ? (
              <p
                role={said.ok ? "status" : "alert"}
                className={`rounded-md p-3 text-sm ring-1 ${said.ok ? "bg-green-50 text-green-900 ring-green-200" : "bg-amber-50 text-amber-900 ring-amber-200"}`}
              >
                {said.text}
              </p>
            ) : null}
            {page.rating ? (
              <p className="text-sm text-slate-700" data-testid="current-rating">
                Your rating: <span className="font-medium">{page.rating.label}</span>. You can change it until{" "}
                <TimeAgo date={page.expires_at} mode="day" />.
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
