-- Counts that stay cheap at any volume: the backlog, the ticket list's count and each tag's
-- ticket count read a few rows per workspace here instead of scanning tickets.
--
-- Writers only append: a trigger adds a +1 row for a ticket's (or tag link's) new state and a -1
-- row for its old one, so concurrent writers never wait on one counter row (and never deadlock
-- over two). A count is the sum of its rows; the compact-counts job folds each key's rows into one.

-- Full-text search replaced these trigram indexes (see the search migration); nothing reads them.
DROP INDEX IF EXISTS "Message_body_trgm_idx";
DROP INDEX IF EXISTS "Ticket_subject_trgm_idx";

CREATE TABLE "TicketCount" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "status" "TicketStatus" NOT NULL,
    "priority" "TicketPriority" NOT NULL,
    "teamId" TEXT,
    "assigneeId" TEXT,
    "n" INTEGER NOT NULL,

    CONSTRAINT "TicketCount_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "TicketCount_workspaceId_status_idx" ON "TicketCount"("workspaceId", "status");

CREATE TABLE "TagCount" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "TagCount_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "TagCount_workspaceId_tagId_idx" ON "TagCount"("workspaceId", "tagId");

CREATE FUNCTION "public".deskbridge_ticket_count_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."workspaceId", OLD.status, OLD.priority, OLD."teamId", OLD."assigneeId")
       IS NOT DISTINCT FROM (NEW."workspaceId", NEW.status, NEW.priority, NEW."teamId", NEW."assigneeId") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "public"."TicketCount" ("workspaceId", status, priority, "teamId", "assigneeId", n)
    VALUES (OLD."workspaceId", OLD.status, OLD.priority, OLD."teamId", OLD."assigneeId", -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO "public"."TicketCount" ("workspaceId", status, priority, "teamId", "assigneeId", n)
    VALUES (NEW."workspaceId", NEW.status, NEW.priority, NEW."teamId", NEW."assigneeId", 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Ticket_count" AFTER INSERT OR DELETE OR UPDATE OF "workspaceId", status, priority, "teamId", "assigneeId"
  ON "Ticket" FOR EACH ROW EXECUTE FUNCTION "public".deskbridge_ticket_count_trigger();

CREATE FUNCTION "public".deskbridge_tag_count_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."workspaceId", OLD."tagId") IS NOT DISTINCT FROM (NEW."workspaceId", NEW."tagId") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "public"."TagCount" ("workspaceId", "tagId", n) VALUES (OLD."workspaceId", OLD."tagId", -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO "public"."TagCount" ("workspaceId", "tagId", n) VALUES (NEW."workspaceId", NEW."tagId", 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "TicketTag_count" AFTER INSERT OR DELETE OR UPDATE OF "workspaceId", "tagId"
  ON "TicketTag" FOR EACH ROW EXECUTE FUNCTION "public".deskbridge_tag_count_trigger();

-- Folds each key's rows into one (dropping keys that sum to zero). A delete sees only rows
-- committed before it, so rows appended meanwhile stay for the next run, and two runs at once
-- never count a row twice.
CREATE FUNCTION "public".deskbridge_compact_counts()
RETURNS void LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM "public"."TicketCount" RETURNING *)
  INSERT INTO "public"."TicketCount" ("workspaceId", status, priority, "teamId", "assigneeId", n)
  SELECT "workspaceId", status, priority, "teamId", "assigneeId", sum(n)
    FROM gone GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0;
  WITH gone AS (DELETE FROM "public"."TagCount" RETURNING *)
  INSERT INTO "public"."TagCount" ("workspaceId", "tagId", n)
  SELECT "workspaceId", "tagId", sum(n) FROM gone GROUP BY 1, 2 HAVING sum(n) <> 0;
$$;

-- Recounts from the tickets themselves (every workspace, or one): for this migration's backfill
-- and for bulk loads that insert with the triggers disabled.
CREATE FUNCTION "public".deskbridge_rebuild_counts(p_workspace text DEFAULT NULL)
RETURNS void LANGUAGE sql AS $$
  DELETE FROM "public"."TicketCount" WHERE p_workspace IS NULL OR "workspaceId" = p_workspace;
  INSERT INTO "public"."TicketCount" ("workspaceId", status, priority, "teamId", "assigneeId", n)
  SELECT "workspaceId", status, priority, "teamId", "assigneeId", count(*)
    FROM "public"."Ticket" WHERE p_workspace IS NULL OR "workspaceId" = p_workspace
   GROUP BY 1, 2, 3, 4, 5;
  DELETE FROM "public"."TagCount" WHERE p_workspace IS NULL OR "workspaceId" = p_workspace;
  INSERT INTO "public"."TagCount" ("workspaceId", "tagId", n)
  SELECT "workspaceId", "tagId", count(*)
    FROM "public"."TicketTag" WHERE p_workspace IS NULL OR "workspaceId" = p_workspace
   GROUP BY 1, 2;
$$;

SELECT "public".deskbridge_rebuild_counts();

-- The backlog's oldest waiting ticket: the first open ticket by creation.
CREATE INDEX "Ticket_workspaceId_status_createdAt_idx" ON "Ticket"("workspaceId", "status", "createdAt");

-- The audit log filtered by outcome (errors are rare) or by person stays a short index walk.
CREATE INDEX "AuditEvent_workspaceId_outcome_createdAt_idx" ON "AuditEvent"("workspaceId", "outcome", "createdAt" DESC);
CREATE INDEX "AuditEvent_workspaceId_actorUserId_createdAt_idx" ON "AuditEvent"("workspaceId", "actorUserId", "createdAt" DESC);

-- Answers that read a year of tickets (support metrics), computed by a job and served while
-- fresh. readAt says which ones people still ask for, so the job refreshes only those.
CREATE TABLE "AnalyticsSnapshot" (
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnalyticsSnapshot_pkey" PRIMARY KEY ("workspaceId", "key")
);
CREATE INDEX "AnalyticsSnapshot_readAt_idx" ON "AnalyticsSnapshot"("readAt");
ALTER TABLE "AnalyticsSnapshot" ADD CONSTRAINT "AnalyticsSnapshot_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
