// N instances on one PostgreSQL and one Redis: limits, revocations and consent are shared.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { rpc } from "../support/mcp-client";
import { authorizationUrl, authorizeAs, pkcePair, registerClient, signIn, tokenRequest } from "../support/oauth-http";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";

const LIST = { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} };
const on = (instance: "a" | "b") => ({ "X-Instance": instance });
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createTestWorkspace("multi");
});

describe("two instances, one PostgreSQL, one Redis", () => {
  it("the burst is spent across both instances", async () => {
    await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { rateLimitOverrides: { perSecond: 4 } } });
    const token = (await createPersonalToken(ws.agent)).secret;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => rpc(LIST, { token, headers: on(i % 2 ? "a" : "b") })),
    );
    const servedBy = new Set(answers.map((a) => a.headers.get("x-served-by")));
    expect(servedBy).toEqual(new Set(["a", "b"]));
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(4);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(6);
    await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { rateLimitOverrides: {} } });
  });

  it("a key revoked through instance A is refused by instance B on the very next request", async () => {
    const admin = (await createPersonalToken(ws.admin)).secret;
    const key = await createApiKey(ws.admin, { name: "shared", org_level: true });
    expect((await rpc(LIST, { token: key.secret, headers: on("b") })).status).toBe(200);
    const revoke = await rpc(
      { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "revoke_api_key", arguments: { id: key.id } } },
      { token: admin, headers: on("a") },
    );
    expect(revoke.json?.result.structuredContent).toMatchObject({ revoked: true });
    const next = await rpc(LIST, { token: key.secret, headers: on("b") });
    expect(next.status).toBe(401);
    expect(next.headers.get("x-served-by")).toBe("b");
  });

  it("a key A has just served, revoked through B, is refused on A's very next request", async () => {
    const admin = (await createPersonalToken(ws.admin)).secret;
    const key = await createApiKey(ws.admin, { name: "served by a", org_level: true });
    for (let i = 0; i < 3; i++) {
      const served = await rpc(LIST, { token: key.secret, headers: on("a") });
      expect(served.status).toBe(200);
      expect(served.headers.get("x-served-by")).toBe("a");
    }
    const revoke = await rpc(
      { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "revoke_api_key", arguments: { id: key.id } } },
      { token: admin, headers: on("b") },
    );
    expect(revoke.json?.result.structuredContent).toMatchObject({ revoked: true });
    const next = await rpc(LIST, { token: key.secret, headers: on("a") });
    expect(next.status).toBe(401);
    expect(next.headers.get("x-served-by")).toBe("a");
  });

  it("a consent granted on A works on B", async () => {
    const owner = await signIn(ws.emails.owner);
    const clientId = (await registerClient({ client_name: "Multi-instance client" })).body.client_id;
    const { verifier, challenge } = pkcePair();
    const approved = await authorizeAs(
      owner,
      authorizationUrl({
        client_id: clientId,
        redirect_uri: "http://127.0.0.1:8976/callback",
        response_type: "code",
        code_challenge: challenge,
        code_challenge_method: "S256",
        scope: "tickets:read",
      }),
    );
    const code = new URL(approved.location!).searchParams.get("code")!;
    const tokens = await tokenRequest(
      {
        grant_type: "authorization_code",
        client_id: clientId,
        code,
        code_verifier: verifier,
        redirect_uri: "http://127.0.0.1:8976/callback",
      },
      { headers: on("b") },
    );
    expect(tokens.status).toBe(200);
    const call = await rpc(
      {
        jsonrpc: "2.0",
        id: 3,
        method: "tools/call",
        params: { name: "get_ticket", arguments: { ticket: ws.tickets[0]!.ticket } },
      },
      { token: tokens.body!.access_token, headers: on("b") },
    );
    expect(call.json?.result.structuredContent.number).toBe(ws.tickets[0]!.ticket);
    expect(call.headers.get("x-served-by")).toBe("b");
  });
});
