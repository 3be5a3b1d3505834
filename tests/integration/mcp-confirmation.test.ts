// Confirmation of destructive MCP actions through the official SDK clients. Where the workspace (or
// the credential) asks for it, a delete or a bulk change over the workspace's threshold confirms
// first: a 2026-07-28 client (2.x) is asked through an input_required elicitation and answers it in
// the retried call; a 2025-revision client (1.x) gets a confirmation_required refusal and confirms by
// calling again with the token it carries. A token confirms one call only.
import { Client as ClientV2, StreamableHTTPClientTransport as TransportV2 } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectSdkMajor, mcpEndpoint, toolBody } from "../support/mcp-client";
import {
  authorizationUrl,
  authorizeAs,
  consentForm,
  pkcePair,
  registerClient,
  signIn,
  tokenRequest,
} from "../support/oauth-http";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { createMacro } from "@/lib/services/macros/create-macro";
import { updateMcpConfirmation } from "@/lib/services/workspaces/update-mcp-confirmation";

type CallResult = { isError?: boolean; structuredContent?: Record<string, unknown>; content?: { text: string }[] };
type AnyClient = {
  listTools: (params?: unknown) => Promise<{ tools: { name: string; inputSchema: { properties?: object } }[] }>;
  callTool: (params: { name: string; arguments: Record<string, unknown> }) => Promise<unknown>;
  close: () => Promise<void>;
};
type ElicitRequest = { params: { message: string; requestedSchema?: { properties?: Record<string, unknown> } } };
type ElicitAnswer = { action: "accept" | "decline" | "cancel"; content?: Record<string, boolean> };

const open: AnyClient[] = [];
let confirming: TestWorkspace;
let relaxed: TestWorkspace;
/** Personal tokens: the owner's in the workspace that confirms, and in the one that does not. */
let ownerToken = "";
let adminToken = "";
let relaxedToken = "";

beforeAll(async () => {
  [confirming, relaxed] = await Promise.all([createTestWorkspace("confirm"), createTestWorkspace("noconfirm")]);
  // Set before any token is used, so every server instance reads it on its first verification.
  await updateMcpConfirmation(confirming.owner, { confirm_destructive: "on", bulk_over: 2 });
  ownerToken = (await createPersonalToken(confirming.owner, { name: "Confirming client" })).secret;
  adminToken = (await createPersonalToken(confirming.admin, { name: "Another client" })).secret;
  relaxedToken = (await createPersonalToken(relaxed.owner, { name: "Relaxed client" })).secret;
});

afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
});

const macro = async (ws: TestWorkspace, name: string) =>
  (await createMacro(ws.admin, { name, shared: true, actions: { priority: "low" } })).id;
const macroExists = async (id: string) => (await prisma.macro.count({ where: { id } })) === 1;

async function connectV1(token: string): Promise<AnyClient> {
  const client = await connectSdkMajor<AnyClient>(1, token, { name: "confirmation" });
  open.push(client);
  return client;
}

/**
 * A 2026-07-28 client (2.x pinned to the revision). With an answer it declares the elicitation
 * capability and answers every elicitation with it, recording what it was asked.
 */
async function connectModern(token: string, answer?: ElicitAnswer) {
  const asked: ElicitRequest["params"][] = [];
  const client = new ClientV2(
    { name: "sdk-v2-confirmation", version: "1.0.0" },
    {
      versionNegotiation: { mode: { pin: "2026-07-28" } },
      ...(answer ? { capabilities: { elicitation: { form: {} } } } : {}),
    },
  );
  if (answer)
    client.setRequestHandler("elicitation/create", async (request: ElicitRequest) => {
      asked.push(request.params);
      return answer;
    });
  await client.connect(
    new TransportV2(new URL(mcpEndpoint("?toolsets=all")), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  open.push(client as unknown as AnyClient);
  return { client: client as unknown as AnyClient, asked };
}

async function call(client: AnyClient, name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as CallResult;
  return { isError: Boolean(result.isError), body: toolBody(result) };
}

describe("2026-07-28 client (SDK 2.x)", () => {
  it("is asked through input_required and the delete happens once the person accepts", async () => {
    const id = await macro(confirming, "Old refund macro");
    const { client, asked } = await connectModern(ownerToken, { action: "accept", content: { confirm: true } });
    const result = await call(client, "delete_macro", { macro: id });
    expect(result, JSON.stringify(result.body)).toMatchObject({ isError: false, body: { id, deleted: true } });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.message).toContain("Delete macro cannot be undone");
    expect(asked[0]!.message).toContain(id);
    expect(asked[0]!.requestedSchema?.properties).toHaveProperty("confirm");
    expect(await macroExists(id)).toBe(false);
  });

  it("a declined confirmation changes nothing", async () => {
    const id = await macro(confirming, "Keep me");
    const { client, asked } = await connectModern(ownerToken, { action: "decline" });
    const result = await call(client, "delete_macro", { macro: id });
    expect(result.isError).toBe(true);
    expect(result.body).toMatchObject({ error: "confirmation_declined" });
    expect(result.body.message).toContain("nothing changed");
    expect(asked).toHaveLength(1);
    expect(await macroExists(id)).toBe(true);
  });

  it("an accepted form that does not confirm changes nothing", async () => {
    const id = await macro(confirming, "Still here");
    const { client } = await connectModern(ownerToken, { action: "accept", content: { confirm: false } });
    const result = await call(client, "delete_macro", { macro: id });
    expect(result.body).toMatchObject({ error: "confirmation_declined" });
    expect(await macroExists(id)).toBe(true);
  });

  it("a client without the elicitation capability gets the refusal and confirms with the token", async () => {
    const id = await macro(confirming, "No elicitation");
    const { client } = await connectModern(ownerToken);
    const refused = await call(client, "delete_macro", { macro: id });
    expect(refused.isError).toBe(true);
    expect(refused.body).toMatchObject({ error: "confirmation_required", expires_in: 300 });
    expect(await macroExists(id)).toBe(true);
    const confirmed = await call(client, "delete_macro", { macro: id, confirm: refused.body.confirm_token });
    expect(confirmed).toMatchObject({ isError: false, body: { deleted: true } });
    expect(await macroExists(id)).toBe(false);
  });

  it("a write that loses nothing is not asked about", async () => {
    const { client, asked } = await connectModern(ownerToken, { action: "decline" });
    const result = await call(client, "update_ticket", { ticket: confirming.tickets[0]!.ticket, priority: "high" });
    expect(result.isError, JSON.stringify(result.body)).toBe(false);
    expect(asked).toHaveLength(0);
  });
});

describe("2025 revisions (SDK 1.x)", () => {
  it("gets confirmation_required saying how to confirm, then confirms with the token", async () => {
    const id = await macro(confirming, "Legacy delete");
    const client = await connectV1(ownerToken);
    const refused = await call(client, "delete_macro", { macro: id });
    expect(refused.isError).toBe(true);
    expect(refused.body).toMatchObject({ error: "confirmation_required", expires_in: 300 });
    expect(refused.body.message).toContain("re-call delete_macro with the same arguments and confirm set to");
    expect(refused.body.confirm_token).toMatch(/^c1\.\d+\.[\w-]+$/);
    expect(await macroExists(id)).toBe(true);

    const confirmed = await call(client, "delete_macro", { macro: id, confirm: refused.body.confirm_token });
    expect(confirmed).toMatchObject({ isError: false, body: { id, deleted: true } });
    expect(await macroExists(id)).toBe(false);
  });

  it("a token confirms one call: the same call sent again with it is refused", async () => {
    const first = await macro(confirming, "Once");
    const client = await connectV1(ownerToken);
    const token = (await call(client, "delete_macro", { macro: first })).body.confirm_token as string;
    expect((await call(client, "delete_macro", { macro: first, confirm: token })).body).toMatchObject({
      deleted: true,
    });
    const again = await call(client, "delete_macro", { macro: first, confirm: token });
    expect(again.body).toMatchObject({ error: "confirmation_required" });
    expect(again.body.message).toContain("already used");
    expect(again.body.confirm_token).not.toBe(token);
  });

  it("get_workspace_settings shows the setting; no tool can change it", async () => {
    const client = await connectV1(ownerToken);
    const settings = await call(client, "get_workspace_settings", {});
    expect(settings.body).toMatchObject({ mcp_confirmation: { confirm_destructive: true, bulk_over: 2 } });
    const change = await call(client, "update_workspace_settings", {
      mcp_confirmation: { confirm_destructive: false },
    });
    expect(change.body).toMatchObject({
      error: "validation_error",
      fields: { mcp_confirmation: [expect.any(String)] },
    });
    const after = await prisma.workspace.findUniqueOrThrow({
      where: { id: confirming.workspace.id },
      select: { mcpConfirmDestructive: true },
    });
    expect(after.mcpConfirmDestructive).toBe(true);
  });

  it("publishes the confirm argument on tools that may ask", async () => {
    const client = await connectSdkMajor<AnyClient>(1, ownerToken, { suffix: "?toolsets=all", name: "confirm" });
    open.push(client);
    const { tools } = await client.listTools();
    const schema = (name: string) => tools.find((t) => t.name === name)!.inputSchema.properties ?? {};
    expect(schema("delete_macro")).toHaveProperty("confirm");
    expect(schema("bulk_update_tickets")).toHaveProperty("confirm");
    expect(schema("update_ticket")).not.toHaveProperty("confirm");
  });

  it("a token does not confirm another call, an altered one or another credential's", async () => {
    const [first, second] = [await macro(confirming, "First"), await macro(confirming, "Second")];
    const client = await connectV1(ownerToken);
    const token = (await call(client, "delete_macro", { macro: first })).body.confirm_token as string;

    // Replayed on another macro.
    const replayed = await call(client, "delete_macro", { macro: second, confirm: token });
    expect(replayed.body).toMatchObject({ error: "confirmation_required" });
    expect(replayed.body.message).toContain("made for another call");
    expect(replayed.body.confirm_token).not.toBe(token);
    // Altered: one character of the signature changed.
    const last = token.at(-1) === "A" ? "B" : "A";
    const altered = await call(client, "delete_macro", { macro: first, confirm: `${token.slice(0, -1)}${last}` });
    expect(altered.body).toMatchObject({ error: "confirmation_required" });
    // Extended: a later expiry with the same signature.
    const [prefix, expires, signature] = token.split(".");
    const extended = await call(client, "delete_macro", {
      macro: first,
      confirm: `${prefix}.${Number(expires) + 3600}.${signature}`,
    });
    expect(extended.body).toMatchObject({ error: "confirmation_required" });
    // Another credential in the same workspace, same call.
    const other = await connectV1(adminToken);
    expect((await call(other, "delete_macro", { macro: first, confirm: token })).body).toMatchObject({
      error: "confirmation_required",
    });
    // Not a string at all: named as the field it is.
    const wrongType = await call(client, "delete_macro", { macro: first, confirm: 42 });
    expect(wrongType.body).toMatchObject({ error: "validation_error", fields: { confirm: [expect.any(String)] } });
    expect(await macroExists(first)).toBe(true);
    expect(await macroExists(second)).toBe(true);

    // The token still confirms the call it was made for.
    expect((await call(client, "delete_macro", { macro: first, confirm: token })).body).toMatchObject({
      deleted: true,
    });
  });

  it("bulk changes over the workspace's threshold confirm; smaller ones do not", async () => {
    const client = await connectV1(ownerToken);
    const [a, b, c] = confirming.tickets.map((t) => t.ticket);
    const small = await call(client, "bulk_update_tickets", { tickets: [a, b], changes: { priority: "low" } });
    expect(small.isError, JSON.stringify(small.body)).toBe(false);

    const args = { tickets: [a, b, c], changes: { priority: "urgent" } };
    const refused = await call(client, "bulk_update_tickets", args);
    expect(refused.body).toMatchObject({ error: "confirmation_required" });
    expect(refused.body.message).toContain("changes 3 tickets");
    const untouched = await prisma.ticket.count({
      where: { workspaceId: confirming.workspace.id, priority: "urgent" },
    });
    expect(untouched).toBe(0);
    // The token binds the arguments: the same tickets with another change are not confirmed by it.
    const otherChange = await call(client, "bulk_update_tickets", {
      tickets: [a, b, c],
      changes: { priority: "high" },
      confirm: refused.body.confirm_token,
    });
    expect(otherChange.body).toMatchObject({ error: "confirmation_required" });

    const confirmed = await call(client, "bulk_update_tickets", { ...args, confirm: refused.body.confirm_token });
    expect(confirmed.isError, JSON.stringify(confirmed.body)).toBe(false);
    expect(confirmed.body).toMatchObject({ done: 3 });
  });
});

describe("with the setting off", () => {
  it("nothing asks, on either revision", async () => {
    const [one, two] = [await macro(relaxed, "Gone one"), await macro(relaxed, "Gone two")];
    const v1 = await connectV1(relaxedToken);
    expect(await call(v1, "delete_macro", { macro: one })).toMatchObject({ isError: false, body: { deleted: true } });
    const { client, asked } = await connectModern(relaxedToken, { action: "decline" });
    expect(await call(client, "delete_macro", { macro: two })).toMatchObject({
      isError: false,
      body: { deleted: true },
    });
    expect(asked).toHaveLength(0);
    const [a, b, c] = relaxed.tickets.map((t) => t.ticket);
    const bulk = await call(v1, "bulk_update_tickets", { tickets: [a, b, c], changes: { priority: "low" } });
    expect(bulk.isError, JSON.stringify(bulk.body)).toBe(false);
  });

  it("a key that asks for confirmation confirms even so", async () => {
    const key = await createApiKey(relaxed.owner, { name: "Careful key", confirm_destructive: true });
    expect(key.confirm_destructive).toBe(true);
    const id = await macro(relaxed, "Careful");
    const refused = await call(await connectV1(key.secret), "delete_macro", { macro: id });
    expect(refused.body).toMatchObject({ error: "confirmation_required" });
    expect(await macroExists(id)).toBe(true);
    const { client, asked } = await connectModern(key.secret, { action: "accept", content: { confirm: true } });
    expect(await call(client, "delete_macro", { macro: id })).toMatchObject({ isError: false });
    expect(asked).toHaveLength(1);
    expect(await macroExists(id)).toBe(false);
  });

  it("a key minted through MCP by a confirming key confirms too, and cannot opt out", async () => {
    const parent = await createApiKey(relaxed.owner, {
      name: "Careful parent",
      confirm_destructive: true,
      scopes: ["mcp:read", "mcp:write"],
    });
    const client = await connectV1(parent.secret);
    const child = await call(client, "create_api_key", { name: "Child" });
    expect(child.isError, JSON.stringify(child.body)).toBe(false);
    expect(child.body.confirm_destructive).toBe(true);
    const optOut = await call(client, "create_api_key", { name: "Sneaky", confirm_destructive: false });
    expect(optOut.body).toMatchObject({
      error: "validation_error",
      fields: { confirm_destructive: expect.any(Array) },
    });
  });
});

describe("an app connection (OAuth consent)", () => {
  const redirect = "http://127.0.0.1:8976/callback";
  const params = (clientId: string, challenge: string) => ({
    client_id: clientId,
    redirect_uri: redirect,
    response_type: "code",
    code_challenge: challenge,
    code_challenge_method: "S256",
    state: "s",
    scope: "mcp:read mcp:write",
    resource: mcpEndpoint(),
  });

  it("the consent page offers the choice, unticked", async () => {
    const owner = await signIn(relaxed.emails.owner);
    const clientId = (await registerClient({ client_name: "Careful app" })).body.client_id;
    const first = await owner.fetch(authorizationUrl(params(clientId, pkcePair().challenge)));
    const form = await consentForm(owner, first.headers.get("location")!);
    expect(form.html).toContain("Ask me before destructive actions");
    expect(form.html).toMatch(/<input[^>]*name="confirm_destructive"/);
    expect(form.html).not.toMatch(/name="confirm_destructive"[^>]*checked/);
  });

  it("a connection approved with it confirms destructive actions though the workspace does not", async () => {
    const owner = await signIn(relaxed.emails.owner);
    const clientId = (await registerClient({ client_name: "Careful agent" })).body.client_id;
    const { verifier, challenge } = pkcePair();
    const approved = await authorizeAs(owner, authorizationUrl(params(clientId, challenge)), {
      fields: { confirm_destructive: "on" },
    });
    const code = new URL(approved.location!).searchParams.get("code")!;
    const token = await tokenRequest({
      grant_type: "authorization_code",
      client_id: clientId,
      code,
      code_verifier: verifier,
      redirect_uri: redirect,
    });
    const grant = await prisma.oAuthGrant.findFirstOrThrow({
      where: { client: { clientId }, workspaceId: relaxed.workspace.id },
      select: { confirmDestructive: true },
    });
    expect(grant.confirmDestructive).toBe(true);
    const consent = await prisma.oAuthConsent.findFirstOrThrow({
      where: { client: { clientId }, workspaceId: relaxed.workspace.id },
      select: { confirmDestructive: true },
    });
    expect(consent.confirmDestructive).toBe(true);

    const id = await macro(relaxed, "App-deleted macro");
    const client = await connectV1(token.body!.access_token as string);
    const refused = await call(client, "delete_macro", { macro: id });
    expect(refused.body).toMatchObject({ error: "confirmation_required" });
    expect(await macroExists(id)).toBe(true);
    const confirmed = await call(client, "delete_macro", { macro: id, confirm: refused.body.confirm_token });
    expect(confirmed).toMatchObject({ isError: false, body: { deleted: true } });
  });
});
