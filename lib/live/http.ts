import "server-only";
import { requireActor, type WorkspaceSession } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The live endpoints' one wrapper: the signed-in member's web session (no API credential reaches
 * them), the active workspace as the scope, answers never cached, errors as codes.
 */
export async function liveResponse(run: (session: WorkspaceSession) => Promise<unknown>): Promise<Response> {
  try {
    const session = await requireActor();
    return Response.json(await run(session), { headers: NO_STORE });
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
}

/** A JSON object body (an empty one when there is none); anything else is a validation error naming the body. */
export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new AppError("validation_error", "Invalid input (body: must be a JSON object).", {
      fields: { body: ["must be a JSON object"] },
    });
  return body as Record<string, unknown>;
}
