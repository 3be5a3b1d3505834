import { AppError } from "@/lib/errors";
import { NO_STORE, OAuthError, oauthErrorResponse, toOAuthError } from "@/lib/oauth/errors";
import { oauthErrorPage } from "@/lib/oauth/html";
import { METADATA_CORS } from "@/lib/oauth/metadata";

// What every OAuth endpoint does around its own work: answer thrown errors in
// the endpoint's shape, never let an answer be cached, open the endpoints
// clients call to CORS, answer OPTIONS, and refuse other methods with 405 and
// Allow.

type Handler = (request: Request) => Promise<Response>;

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];

export type OAuthEndpoint = {
  GET?: Handler;
  POST?: Handler;
  /**
   * "client": called by OAuth clients (register, token, revoke): RFC 6749 JSON
   * errors, CORS for browser-based clients. "browser": a person's browser is
   * sent there (authorize, the consent form): errors are a page, no CORS.
   */
  caller: "client" | "browser";
  /** Runs when the endpoint failed, before the answer (the token endpoint counts failures). */
  onError?: (request: Request, error: unknown) => Promise<void>;
};

/** The route module's method exports. */
export type OAuthEndpointHandlers = Record<Method, Handler>;

export function withOAuthEndpoint(endpoint: OAuthEndpoint): OAuthEndpointHandlers {
  const served = (["GET", "POST"] as const).filter((method) => endpoint[method]);
  // HEAD is answered from GET by Next.js.
  const allow = [...served, ...(endpoint.GET ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const cors = endpoint.caller === "client" ? METADATA_CORS : {};

  const fail = async (request: Request, error: unknown) => {
    await endpoint.onError?.(request, error).catch(() => undefined);
    return endpoint.caller === "client" ? oauthErrorResponse(error, cors) : errorPage(error);
  };
  const run = (handler: Handler): Handler => {
    return async (request) => {
      let response: Response;
      try {
        response = await handler(request);
      } catch (error) {
        response = await fail(request, error);
      }
      return withHeaders(response, { ...NO_STORE, ...cors });
    };
  };
  const notAllowed: Handler = async (request) =>
    withHeaders(
      endpoint.caller === "client"
        ? oauthErrorResponse(
            new OAuthError(
              "invalid_request",
              `${request.method} is not allowed here; use ${served.join(" or ")}.`,
              405,
            ),
            cors,
          )
        : oauthErrorPage("Method not allowed", `This address answers ${served.join(" and ")} only.`, 405),
      { ...NO_STORE, ...cors, Allow: allow },
    );
  const options: Handler = async () =>
    new Response(null, {
      status: 204,
      headers: {
        ...NO_STORE,
        ...cors,
        ...(endpoint.caller === "client" ? { "Access-Control-Allow-Methods": `${served.join(", ")}, OPTIONS` } : {}),
        Allow: allow,
      },
    });

  return Object.fromEntries(
    METHODS.map((method) => {
      if (method === "OPTIONS") return [method, options];
      const handler = method === "GET" || method === "POST" ? endpoint[method] : undefined;
      return [method, handler ? run(handler) : notAllowed];
    }),
  ) as OAuthEndpointHandlers;
}

/** Adds each header the response does not set itself. */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) if (!merged.has(name)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

/** A browser endpoint's failure: the error's own words for OAuth and app errors, nothing internal otherwise. */
function errorPage(error: unknown): Response {
  const oauth = toOAuthError(error);
  if (error instanceof OAuthError || error instanceof AppError)
    return oauthErrorPage("Request refused", oauth.description, oauth.status);
  return oauthErrorPage("Something went wrong", oauth.description, oauth.status);
}
