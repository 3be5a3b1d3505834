// The rating form's POST for a public CSAT link: records or changes the rating, then sends the
// browser back to the page (303), which says what happened. Works without JavaScript.
import { AppError, toAppError } from "@/lib/errors";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { submitCsatRating } from "@/lib/services/csat/rating-page";

type Params = { params: Promise<{ token: string }> };

const field = (form: FormData | null, name: string) => {
  const value = form?.get(name);
  return typeof value === "string" ? value : undefined;
};

export async function POST(request: Request, { params }: Params) {
  const { token } = await params;
  const back = (query: string) =>
    new Response(null, {
      status: 303,
      headers: { Location: `/rate/${encodeURIComponent(token)}?${query}`, "Cache-Control": "no-store" },
    });
  const form = await request.formData().catch(() => null);
  try {
    const result = await submitCsatRating(
      { token, rating: field(form, "rating") as never, comment: field(form, "comment") },
      clientIp(request),
    );
    if (result.ok) return back(result.changed ? "rated=changed" : "rated=new");
    if (result.reason === "rate_limited") return back(`error=limited&retry=${result.retryAfterS}`);
    return back(`error=${result.reason}`);
  } catch (error) {
    const appError = error instanceof AppError ? error : toAppError(error);
    if (appError.code !== "validation_error") return back("error=failed");
    const fields = appError.fields ?? {};
    return back(`error=${fields.token ? "unknown" : fields.comment ? "comment" : "rating"}`);
  }
}
