// Attachment downloads through signed, expiring links (/api/v1/attachments/<id>?exp=…&sig=…).
import { getWorkspaceSession } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { openDownload } from "@/lib/services/attachments/open-download";

export const dynamic = "force-dynamic";

/** filename="ascii fallback"; filename*=UTF-8''percent-encoded (RFC 6266). */
function contentDisposition(kind: "inline" | "attachment", filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const url = new URL(request.url);
  try {
    const session = await getWorkspaceSession();
    const file = await openDownload({
      id,
      exp: url.searchParams.get("exp"),
      sig: url.searchParams.get("sig"),
      sessionWorkspaceId: session?.workspace.id ?? null,
    });
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.size),
        // Only the four image types show in the page; everything else, text included, downloads.
        "Content-Disposition": contentDisposition(file.inline ? "inline" : "attachment", file.filename),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
        "Cache-Control": "private, max-age=300",
      },
    });
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set("Cache-Control", "no-store");
    response.headers.set("X-Content-Type-Options", "nosniff");
    return response;
  }
}
