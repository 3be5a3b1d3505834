-- Knowledge base: categories and Markdown articles, draft or published, per workspace.
CREATE TYPE "ArticleStatus" AS ENUM ('draft', 'published');

CREATE TABLE "KnowledgeCategory" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeCategory_pkey" PRIMARY KEY ("id")
);

-- The article's search document: title (A) above body (B), with the body capped so a very long
-- article stays under the 1 MB tsvector limit. IMMUTABLE, so it can define a generated column.
CREATE FUNCTION "public".deskbridge_article_document(title text, body text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, left(coalesce(body, ''), 500000)), 'B')
$$;

CREATE TABLE "Article" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "categoryId" TEXT,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "ArticleStatus" NOT NULL DEFAULT 'draft',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "search" tsvector GENERATED ALWAYS AS ("public".deskbridge_article_document("title", "body")) STORED,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "KnowledgeCategory_workspaceId_slug_key" ON "KnowledgeCategory"("workspaceId", "slug");
CREATE UNIQUE INDEX "KnowledgeCategory_workspaceId_name_key" ON "KnowledgeCategory"("workspaceId", "name");
CREATE INDEX "KnowledgeCategory_workspaceId_position_idx" ON "KnowledgeCategory"("workspaceId", "position");

CREATE UNIQUE INDEX "Article_workspaceId_slug_key" ON "Article"("workspaceId", "slug");
CREATE INDEX "Article_workspaceId_status_updatedAt_id_idx" ON "Article"("workspaceId", "status", "updatedAt" DESC, "id" DESC);
CREATE INDEX "Article_workspaceId_categoryId_idx" ON "Article"("workspaceId", "categoryId");
-- Workspace and status sit in the GIN index beside the document (btree_gin, created with ticket
-- search), so a help-center search reads only that workspace's published postings.
CREATE INDEX "Article_search_idx" ON "Article" USING GIN ("workspaceId", "status", "search");

ALTER TABLE "KnowledgeCategory" ADD CONSTRAINT "KnowledgeCategory_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Article" ADD CONSTRAINT "Article_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Article" ADD CONSTRAINT "Article_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "KnowledgeCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Article" ADD CONSTRAINT "Article_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
