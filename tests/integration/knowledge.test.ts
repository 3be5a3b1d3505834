// The knowledge base: every service verb, every tool through the official MCP SDK client,
// refusals, the public help center over HTTP (published only, per workspace) and safe Markdown.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl, connectMcp, callTool as call } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { createArticle } from "@/lib/services/knowledge/create-article";
import { createCategory } from "@/lib/services/knowledge/create-category";
import { deleteArticle } from "@/lib/services/knowledge/delete-article";
import { deleteCategory } from "@/lib/services/knowledge/delete-category";
import { getArticle } from "@/lib/services/knowledge/get-article";
import { listCategories } from "@/lib/services/knowledge/list-categories";
import { publishArticle } from "@/lib/services/knowledge/publish-article";
import { searchArticles } from "@/lib/services/knowledge/search-articles";
import { updateArticle } from "@/lib/services/knowledge/update-article";
import { updateCategory } from "@/lib/services/knowledge/update-category";

let ws: TestWorkspace;
let other: TestWorkspace;
let agentClient: Client;
let readerClient: Client;
let ticketsClient: Client;
const ids: Record<string, string> = {};

/** What a rejected promise carried: the AppError's code and field names. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fields: Object.keys(error.fields ?? {}) };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A public page fetched with no cookie at all, as a visitor's browser would. */
async function publicPage(path: string) {
  const res = await fetch(`${baseUrl()}${path}`, { redirect: "manual" });
  return { status: res.status, html: await res.text() };
}

beforeAll(async () => {
  ws = await createTestWorkspace("kb");
  other = await createTestWorkspace("kb-other");
  agentClient = await connectMcp((await createPersonalToken(ws.agent, { name: "Claude Desktop" })).secret);
  const key = (scopes: string[]) =>
    createApiKey(ws.admin, { name: scopes.join(","), scopes: scopes as never, org_level: true });
  readerClient = await connectMcp((await key(["knowledge:read"])).secret);
  ticketsClient = await connectMcp((await key(["tickets:read", "tickets:write"])).secret);

  ids.billing = (await createCategory(ws.admin, { name: "Billing and plans" })).id;
  ids.troubleshooting = (await createCategory(ws.admin, { name: "Troubleshooting" })).id;
  ids.refund = (
    await createArticle(ws.agent, {
      title: "Refund policy",
      body: "Annual plans are refunded within 30 days. A double charge is always refunded.",
      category: "billing-and-plans",
      publish: true,
    })
  ).id;
  ids.password = (
    await createArticle(ws.agent, {
      title: "Reset your password",
      body: "Choose **Forgot password** on the sign-in page; the link expires after one hour.",
      category: ids.troubleshooting,
      publish: true,
    })
  ).id;
  ids.draft = (
    await createArticle(ws.agent, {
      title: "Zebracorn migration notes",
      body: "Internal plan for the zebracorn rollout, not for customers.",
      category: ids.troubleshooting,
    })
  ).id;
  // Another workspace writes about the same words: it must never show here.
  await createArticle(other.agent, {
    title: "Refund policy at the other company",
    body: "Zebracorn refunds are instant.",
    publish: true,
  });
});

afterAll(async () => {
  await Promise.all([agentClient?.close(), readerClient?.close(), ticketsClient?.close()]);
});

describe("knowledge service verbs", () => {
  it("createCategory slugs the name and appends it; agents and duplicates are refused by field", async () => {
    const created = await createCategory(ws.owner, { name: "Getting started" });
    expect(created).toMatchObject({ slug: "getting-started", position: 2 });
    ids.started = created.id;
    expect(await refusal(createCategory(ws.agent, { name: "Sales" }))).toMatchObject({ code: "admin_required" });
    expect(await refusal(createCategory(ws.admin, { name: "Troubleshooting" }))).toEqual({
      code: "conflict",
      fields: ["name"],
    });
    expect(await refusal(createCategory(ws.admin, { name: "" }))).toEqual({
      code: "validation_error",
      fields: ["name"],
    });
    expect(await refusal(createCategory(ws.admin, { name: "X", slug: "Not a slug!" }))).toEqual({
      code: "validation_error",
      fields: ["slug"],
    });
  });

  it("updateCategory renames and moves a category; another workspace's category is not found", async () => {
    const moved = await updateCategory(ws.admin, { category_id: ids.started!, name: "Get started", position: 0 });
    expect(moved).toMatchObject({ name: "Get started", slug: "getting-started", position: 0 });
    expect(await refusal(updateCategory(other.admin, { category_id: ids.started!, name: "Mine" }))).toMatchObject({
      code: "not_found",
    });
  });

  it("listCategories orders by position (then name) and counts articles and published ones", async () => {
    const list = await listCategories(ws.agent);
    expect(list.map((c) => c.name)).toEqual(["Billing and plans", "Get started", "Troubleshooting"]);
    expect(list.find((c) => c.id === ids.troubleshooting)).toMatchObject({ article_count: 2, published_count: 1 });
    expect((await listCategories(other.agent)).map((c) => c.id)).not.toContain(ids.billing);
  });

  it("createArticle writes a draft with a slug from the title, numbered when taken; bad input names the field", async () => {
    const a = await createArticle(ws.agent, { title: "Reset your password", body: "Second copy." });
    expect(a).toMatchObject({
      slug: "reset-your-password-2",
      status: "draft",
      url: null,
      published_at: null,
      author: { id: ws.users.agent },
    });
    ids.copy = a.id;
    expect(await refusal(createArticle(ws.agent, { title: "Dup", slug: "refund-policy" }))).toEqual({
      code: "conflict",
      fields: ["slug"],
    });
    expect(await refusal(createArticle(ws.agent, { title: "  " }))).toEqual({
      code: "validation_error",
      fields: ["title"],
    });
    expect(await refusal(createArticle(ws.agent, { title: "Lost", category: "no-such-category" }))).toEqual({
      code: "validation_error",
      fields: ["category"],
    });
  });

  it("getArticle reads by id or slug, drafts included, but never another workspace's", async () => {
    expect(await getArticle(ws.agent, { article: "refund-policy" })).toMatchObject({
      id: ids.refund,
      status: "published",
      category: { name: "Billing and plans" },
      url: expect.stringMatching(new RegExp(`^https?://[^/]+/help/${ws.slug}/refund-policy$`)),
    });
    expect((await getArticle(ws.agent, { article: ids.draft! })).body).toContain("zebracorn");
    expect(await refusal(getArticle(other.agent, { article: ids.refund! }))).toMatchObject({ code: "not_found" });
  });

  it("updateArticle edits title, body, slug and category, keeping its status", async () => {
    const updated = await updateArticle(ws.agent, {
      article: ids.copy!,
      title: "Password reset for admins",
      slug: "admin-password-reset",
      category: "getting-started",
      body: "Admins can send a new invitation.",
    });
    expect(updated).toMatchObject({ slug: "admin-password-reset", status: "draft", category: { id: ids.started } });
    const uncategorised = await updateArticle(ws.agent, { article: ids.copy!, category: "none" });
    expect(uncategorised.category).toBeNull();
    expect(await refusal(updateArticle(ws.agent, { article: ids.copy!, slug: "refund-policy" }))).toEqual({
      code: "conflict",
      fields: ["slug"],
    });
  });

  it("publishArticle publishes and unpublishes, saying when nothing changed", async () => {
    const published = await publishArticle(ws.agent, { article: ids.copy! });
    expect(published).toMatchObject({ status: "published", changed: true });
    expect(published.published_at).not.toBeNull();
    expect(await publishArticle(ws.agent, { article: ids.copy! })).toMatchObject({ changed: false });
    const back = await publishArticle(ws.agent, { article: ids.copy!, published: false });
    expect(back).toMatchObject({ status: "draft", changed: true, url: null, published_at: null });
  });

  it("searchArticles ranks a title match above a body match, filters, pages and falls back to prefixes", async () => {
    const found = await searchArticles(ws.agent, { q: "password" });
    expect(found.items[0]).toMatchObject({ id: ids.password });
    expect(found.items[0]!.snippet).toContain("<mark>");
    const drafts = await searchArticles(ws.agent, { status: "draft" });
    expect(drafts.items.map((a) => a.id).sort()).toEqual([ids.copy, ids.draft].sort());
    const billing = await searchArticles(ws.agent, { category: "billing-and-plans" });
    expect(billing.items.map((a) => a.id)).toEqual([ids.refund]);
    expect((await searchArticles(ws.agent, { q: "passw" })).items.map((a) => a.id)).toContain(ids.password);
    expect((await searchArticles(ws.agent, { q: '"double charge" -annual' })).items).toEqual([]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchArticles(ws.agent, { limit: 1, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([ids.refund, ids.password, ids.draft, ids.copy].sort());
    expect(await refusal(searchArticles(ws.agent, { cursor: "bogus" }))).toEqual({
      code: "validation_error",
      fields: ["cursor"],
    });
  });

  it("search is confined to the workspace", async () => {
    const mine = await searchArticles(ws.agent, { q: "refund" });
    expect(mine.items.map((a) => a.id)).toEqual([ids.refund]);
    const theirs = await searchArticles(other.agent, { q: "zebracorn" });
    expect(theirs.items.map((a) => a.title)).toEqual(["Refund policy at the other company"]);
  });

  it("deleteArticle is for admins; deleteCategory keeps its articles; every write is audited", async () => {
    expect(await refusal(deleteArticle(ws.agent, { article: ids.copy! }))).toMatchObject({ code: "admin_required" });
    expect(await deleteArticle(ws.admin, { article: ids.copy! })).toEqual({ id: ids.copy, deleted: true });
    expect(await prisma.article.count({ where: { id: ids.copy! } })).toBe(0);
    const scratch = await createCategory(ws.admin, { name: "Scratch" });
    const kept = await createArticle(ws.agent, { title: "Scratch note", category: scratch.id });
    expect(await deleteCategory(ws.admin, { category_id: scratch.id })).toMatchObject({ articles_released: 1 });
    expect((await getArticle(ws.agent, { article: kept.id })).category).toBeNull();
    await deleteArticle(ws.admin, { article: kept.id });
    const actions = (
      await prisma.auditEvent.findMany({
        where: { workspaceId: ws.workspace.id, action: { startsWith: "article." } },
        select: { action: true, via: true },
      })
    ).map((e) => e.action);
    for (const action of ["article.create", "article.update", "article.publish", "article.unpublish", "article.delete"])
      expect(actions).toContain(action);
    const categoryActions = await prisma.auditEvent.findMany({
      where: { workspaceId: ws.workspace.id, action: { startsWith: "knowledge_category." } },
      select: { action: true },
    });
    expect(new Set(categoryActions.map((e) => e.action))).toEqual(
      new Set(["knowledge_category.create", "knowledge_category.update", "knowledge_category.delete"]),
    );
  });
});

describe("knowledge tools over MCP", () => {
  it("list_knowledge_categories answers the categories in order", async () => {
    const { isError, body } = await call(agentClient, "list_knowledge_categories", {});
    expect(isError).toBe(false);
    expect(body.items.map((c: { slug: string }) => c.slug)).toEqual([
      "billing-and-plans",
      "getting-started",
      "troubleshooting",
    ]);
  });

  it("create_article, update_article, publish_article and get_article act as the token's user", async () => {
    const created = await call(agentClient, "create_article", {
      title: "Webhooks are not delivered",
      body: "Answer with a `2xx` within ten seconds.",
      category: "troubleshooting",
    });
    expect(created.isError).toBe(false);
    expect(created.body).toMatchObject({
      slug: "webhooks-are-not-delivered",
      status: "draft",
      author: { id: ws.users.agent },
    });
    ids.webhooks = created.body.id;
    const updated = await call(agentClient, "update_article", {
      article: "webhooks-are-not-delivered",
      body: "Answer with a `2xx` within ten seconds; we retry for 24 hours.",
    });
    expect(updated.body.body).toContain("24 hours");
    const published = await call(agentClient, "publish_article", { article: ids.webhooks });
    expect(published.body).toMatchObject({ status: "published", changed: true });
    expect(published.body.url).toBe(`${baseUrl()}/help/${ws.slug}/webhooks-are-not-delivered`);
    const got = await call(readerClient, "get_article", { article: ids.webhooks });
    expect(got.body).toMatchObject({ title: "Webhooks are not delivered", status: "published" });
    const audit = await prisma.auditEvent.findFirst({
      where: {
        workspaceId: ws.workspace.id,
        action: "article.publish",
        details: { path: ["article_id"], equals: ids.webhooks },
      },
      select: { via: true, actorUserId: true, credentialKind: true },
    });
    expect(audit).toEqual({ via: "mcp", actorUserId: ws.users.agent, credentialKind: "personal_token" });
  });

  it("search_knowledge finds drafts and published articles with snippets, paged", async () => {
    const { body } = await call(readerClient, "search_knowledge", { q: "zebracorn" });
    expect(body.items.map((a: { id: string }) => a.id)).toEqual([ids.draft]);
    expect(body.items[0].snippet).toContain("<mark>zebracorn</mark>");
    const page = await call(readerClient, "search_knowledge", { limit: 1 });
    expect(page.body).toMatchObject({ has_more: true });
    expect(page.body.next_cursor).toEqual(expect.any(String));
  });

  it("refuses a read-only key's writes and a key without knowledge scopes", async () => {
    const write = await call(readerClient, "create_article", { title: "Nope" });
    expect(write).toMatchObject({ isError: true, body: { error: "insufficient_scope" } });
    const read = await call(ticketsClient, "search_knowledge", { q: "refund" });
    expect(read).toMatchObject({ isError: true, body: { error: "insufficient_scope" } });
  });

  it("bad input is refused naming the field, and another workspace's article is not found", async () => {
    const bad = await call(agentClient, "create_article", { title: "", publish: "yes" });
    expect(bad.isError).toBe(true);
    expect(bad.body.error).toBe("validation_error");
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(["title", "publish"]));
    const unknownKey = await call(agentClient, "get_article", { article: ids.refund, html: true });
    expect(unknownKey.body.error).toBe("validation_error");
    const theirs = await prisma.article.findFirstOrThrow({ where: { workspaceId: other.workspace.id } });
    const foreign = await call(agentClient, "get_article", { article: theirs.id });
    expect(foreign.body.error).toBe("not_found");
    const publishForeign = await call(agentClient, "publish_article", { article: theirs.slug, published: false });
    expect(publishForeign.body.error).toBe("not_found");
  });
});

describe("the public help center", () => {
  it("needs no sign-in and lists published articles by category, never drafts", async () => {
    const { status, html } = await publicPage(`/help/${ws.slug}`);
    expect(status).toBe(200);
    expect(html).toContain("Billing and plans");
    expect(html).toContain("Refund policy");
    expect(html).toContain("Reset your password");
    expect(html).not.toContain("Zebracorn");
    expect(html).not.toContain("Refund policy at the other company");
  });

  it("search finds published articles of this workspace only, and no drafts", async () => {
    const refund = await publicPage(`/help/${ws.slug}?q=refund`);
    expect(refund.html).toContain(`/help/${ws.slug}/refund-policy`);
    expect(refund.html).not.toContain("other company");
    const draft = await publicPage(`/help/${ws.slug}?q=zebracorn`);
    expect(draft.status).toBe(200);
    expect(draft.html).toContain("No articles match");
    expect(draft.html).not.toContain("rollout");
  });

  it("serves a published article and answers 404 for a draft, an unknown article or workspace", async () => {
    const page = await publicPage(`/help/${ws.slug}/reset-your-password`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("<strong>Forgot password</strong>");
    const draftSlug = (await getArticle(ws.agent, { article: ids.draft! })).slug;
    expect((await publicPage(`/help/${ws.slug}/${draftSlug}`)).status).toBe(404);
    expect((await publicPage(`/help/${ws.slug}/no-such-article`)).status).toBe(404);
    expect((await publicPage(`/help/no-such-workspace-${ws.slug}`)).status).toBe(404);
    // Another workspace's article under this workspace's address is as unknown as a missing one.
    expect((await publicPage(`/help/${other.slug}/refund-policy`)).status).toBe(404);
  });

  it("renders Markdown without raw HTML or javascript: links", async () => {
    await createArticle(ws.agent, {
      title: "Formatting test",
      slug: "formatting-test",
      body: [
        "Safe **bold** text.",
        "",
        '<script>alert("xss-script")</script>',
        "",
        '<img src="x" onerror="alert(\'xss-img\')">',
        "",
        "[Click me](javascript:alert('xss-link')) and [our site](https://example.com/help).",
      ].join("\n"),
      publish: true,
    });
    const { status, html } = await publicPage(`/help/${ws.slug}/formatting-test`);
    expect(status).toBe(200);
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('href="https://example.com/help"');
    expect(html).toContain("Click me");
    expect(html).not.toContain("xss-script");
    expect(html).not.toContain("xss-img");
    expect(html).not.toContain("onerror");
    expect(html).not.toMatch(/javascript:/i);
  });
});

// Last in the file: it uses up this address's help-center searches for the minute.
describe("the public help center's search limit", () => {
  it("refuses searches past the per-address limit with a message, while browsing goes on", async () => {
    let refused: { status: number; html: string } | null = null;
    for (let i = 0; i < 61 && !refused; i++) {
      const page = await publicPage(`/help/${ws.slug}?q=refund`);
      expect(page.status).toBe(200);
      if (page.html.includes("Too many searches")) refused = page;
    }
    expect(refused, "a search within the per-minute limit of 60 is refused").not.toBeNull();
    expect(refused!.html).not.toContain(`/help/${ws.slug}/refund-policy"`);
    expect(refused!.html).toMatch(/Try again in \d+ seconds?\./);
    const browse = await publicPage(`/help/${ws.slug}`);
    expect(browse.html).toContain("Refund policy");
  });
});
