// The official MCP SDK client over the real HTTP route, with a bearer header.
import http from "node:http";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Client as ClientV2, StreamableHTTPClientTransport as TransportV2 } from "@modelcontextprotocol/client";
import { expect, inject } from "vitest";

export const baseUrl = () => inject("baseUrl");
/**
 * The same app behind the loopback as its trusted proxy, where a request names its client's address with
 * X-Forwarded-For (the integration suite's; the two-instance suite has none).
 */
export const proxiedBaseUrl = () => inject("proxiedBaseUrl");
/** The MCP endpoint, optionally with a path below it (/readonly) and a query (?toolsets=all). */
export const mcpEndpoint = (suffix = "") => `${baseUrl()}/api/v1/mcp${suffix}`;
/** Every toolset: what a test that looks at a credential's whole tool list connects to. */
export const ALL_TOOLSETS = "?toolsets=all";

export async function connectMcp(token: string, suffix = "") {
  const client = new Client({ name: "deskbridge-tests", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(mcpEndpoint(suffix)), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  return client;
}

/**
 * The 2.x client speaks 2025 unless told otherwise (its negotiation defaults to "legacy"): pinned to
 * 2026-07-28, it connects through server/discover and fails loudly if the server does not offer it.
 */
export const MODERN_CLIENT_OPTIONS = { versionNegotiation: { mode: { pin: "2026-07-28" } } } as const;

/**
 * Connects the official SDK client of one major (1.x speaks the 2025 revisions, 2.x 2026-07-28) as a
 * bearer, on the endpoint with an optional suffix and extra headers. T is the calls the test makes.
 */
export async function connectSdkMajor<T>(
  major: 1 | 2,
  token: string,
  options: { suffix?: string; headers?: Record<string, string>; name?: string } = {},
): Promise<T> {
  const url = new URL(mcpEndpoint(options.suffix));
  const requestInit = { headers: { Authorization: `Bearer ${token}`, ...options.headers } };
  const info = { name: `sdk-v${major}-${options.name ?? "tests"}`, version: "1.0.0" };
  if (major === 1) {
    const client = new Client(info);
    await client.connect(new StreamableHTTPClientTransport(url, { requestInit }));
    return client as unknown as T;
  }
  const client = new ClientV2(info, MODERN_CLIENT_OPTIONS);
  await client.connect(new TransportV2(url, { requestInit }));
  expect(client.getNegotiatedProtocolVersion()).toBe("2026-07-28");
  return client as unknown as T;
}

/** One raw JSON-RPC POST, for checks below the SDK client's level. */
export async function rpc(
  body: unknown,
  init: { token?: string; headers?: Record<string, string>; raw?: string; suffix?: string } = {},
) {
  const response = await fetch(mcpEndpoint(init.suffix), {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json: json as Record<string, any> | null };
}

/** A POST through node:http, which (unlike fetch) lets a test set the Host header. */
export function postWithHost(host: string, body: unknown, token: string): Promise<number> {
  const url = new URL(mcpEndpoint());
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: {
          Host: host,
          "Content-Type": "application/json",
          Accept: "application/json, text/event-stream",
          Authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

/**
 * What a tool call answered: structuredContent on success; on a refusal the
 * {error, message, …} body, which travels as the first content item's JSON text.
 */
export function toolBody(result: any): Record<string, any> {
  if (!result) return {};
  if (!result.isError) return result.structuredContent ?? {};
  const text = result.content?.[0]?.text;
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** Calls a tool through the SDK client: whether it was refused, and its body (see toolBody). */
export async function callTool(client: Client, name: string, args: Record<string, unknown>) {
  const result = await client.callTool({ name, arguments: args });
  return { isError: Boolean(result.isError), body: toolBody(result) };
}

/** Calls a tool that must succeed and returns its structured answer; a refusal fails with its body. */
export async function callToolOk(client: Client, name: string, args: Record<string, unknown>) {
  const { isError, body } = await callTool(client, name, args);
  expect(isError, `${name}: ${JSON.stringify(body)}`).toBe(false);
  return body;
}
