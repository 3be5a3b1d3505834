// The analytics page as CSV (/analytics/export?period_days=30 or ?from=…&to=…): one section per table.
import { requireActor } from "@/lib/auth/session";
import { ANALYTICS_ROLE } from "@/lib/auth/roles";
import { errorResponse, toAppError } from "@/lib/errors";
import { getAnalyticsReport } from "@/lib/services/analytics/get-analytics-report";
import { reportPeriod, reportToCsv } from "@/lib/services/analytics/report-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const { ctx } = await requireActor(ANALYTICS_ROLE.support_metrics);
    const report = await getAnalyticsReport(ctx, Object.fromEntries(new URL(request.url).searchParams));
    const { from, to } = reportPeriod(report);
    const filename = `deskbridge-analytics-${from.slice(0, 10)}-to-${to.slice(0, 10)}.csv`;
    return new Response(reportToCsv(report), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const appError = toAppError(error);
    const response = errorResponse(appError);
    // A bad period in the address is a bad request, the field named in the body.
    const status = appError.code === "validation_error" ? 400 : response.status;
    return new Response(response.body, {
      status,
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
    });
  }
}
