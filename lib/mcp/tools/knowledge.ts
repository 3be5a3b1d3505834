import { z } from "zod";
import { defineTool, IDEMPOTENT_WRITE, READ, WRITE } from "@/lib/mcp/tool";
import { pageOf } from "@/lib/mcp/tools/shapes";
import { createArticle } from "@/lib/services/knowledge/create-article";
import { getArticle } from "@/lib/services/knowledge/get-article";
import { listCategories } from "@/lib/services/knowledge/list-categories";
import { publishArticle } from "@/lib/services/knowledge/publish-article";
import { searchArticles } from "@/lib/services/knowledge/search-articles";
import { updateArticle } from "@/lib/services/knowledge/update-article";
import {
  ArticleRefSchema,
  CreateArticleSchema,
  PublishArticleSchema,
  SearchArticlesSchema,
  UpdateArticleSchema,
} from "@/lib/validations/knowledge";

const ArticleShape = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  status: z.enum(["draft", "published"]),
  category: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  published_at: z.string().nullable(),
  url: z.string().nullable().describe("The public help-center URL; null while a draft."),
});
const ArticleWithBody = ArticleShape.extend({ body: z.string().describe("Markdown.") });

export const KNOWLEDGE_TOOLS = [
  defineTool({
    name: "list_knowledge_categories",
    title: "List knowledge categories",
    description: "Knowledge-base categories in order, with article counts.",
    input: z.object({}),
    output: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          slug: z.string(),
          position: z.number().int(),
          article_count: z.number().int(),
          published_count: z.number().int(),
        }),
      ),
    }),
    scopes: ["knowledge:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: async (ctx) => ({ items: await listCategories(ctx) }),
  }),
  defineTool({
    name: "search_knowledge",
    title: "Search knowledge base",
    description:
      "Find help articles (drafts too) by text, best match first with a snippet, or list the latest without q. Same query syntax as search_tickets.",
    input: SearchArticlesSchema,
    output: pageOf(
      ArticleShape.extend({
        snippet: z.string().nullable().describe("Matching words between <mark> and </mark>; null without q."),
      }),
    ),
    scopes: ["knowledge:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => searchArticles(ctx, input),
  }),
  defineTool({
    name: "get_article",
    title: "Get article",
    description: "One article by id or slug, with its Markdown body and public URL.",
    input: ArticleRefSchema,
    output: ArticleWithBody,
    scopes: ["knowledge:read"],
    role: "agent",
    needsUser: false,
    annotations: READ,
    handler: (ctx, input) => getArticle(ctx, input),
  }),
  defineTool({
    name: "create_article",
    title: "Create article",
    description: "Write a Markdown help article, saved as a draft unless publish is true.",
    input: CreateArticleSchema,
    output: ArticleWithBody,
    scopes: ["knowledge:write"],
    role: "agent",
    needsUser: false,
    annotations: WRITE,
    handler: (ctx, input) => createArticle(ctx, input),
  }),
  defineTool({
    name: "update_article",
    title: "Update article",
    description: 'Edit an article\'s title, body, slug or category (category "none" removes it). Status is unchanged.',
    input: UpdateArticleSchema,
    output: ArticleWithBody,
    scopes: ["knowledge:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => updateArticle(ctx, input),
  }),
  defineTool({
    name: "publish_article",
    title: "Publish article",
    description: "Publish an article to the public help center, or unpublish it with published: false.",
    input: PublishArticleSchema,
    output: ArticleShape.extend({ changed: z.boolean() }),
    scopes: ["knowledge:write"],
    role: "agent",
    needsUser: false,
    annotations: IDEMPOTENT_WRITE,
    handler: (ctx, input) => publishArticle(ctx, input),
  }),
];
