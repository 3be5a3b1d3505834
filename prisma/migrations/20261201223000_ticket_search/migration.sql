-- Full-text search over tickets: one search document per ticket, kept current by triggers.
-- btree_gin lets one GIN index hold the workspace next to the document, so a search never
-- reads another workspace's postings. Both extensions ship with PostgreSQL and with PGlite.
CREATE EXTENSION IF NOT EXISTS btree_gin;

ALTER TABLE "Ticket" ADD COLUMN "searchPublic" tsvector, ADD COLUMN "searchAll" tsvector;

CREATE INDEX "Contact_email_trgm_idx" ON "Contact" USING GIN ("email" gin_trgm_ops);
CREATE INDEX "Contact_company_trgm_idx" ON "Contact" USING GIN ("company" gin_trgm_ops);

-- The list sorted by priority (urgent first), then latest activity.
CREATE INDEX "Ticket_workspaceId_priority_updatedAt_id_idx" ON "Ticket"("workspaceId", "priority" DESC, "updatedAt" DESC, "id" DESC);

-- The document that contacts may see matched: subject (A) above replies (B) above the contact (C).
-- Emails are indexed whole and by their parts, so "bob" finds bob@example.com. Text is capped so
-- a ticket with a very long thread stays under the 1 MB tsvector limit.
CREATE FUNCTION "public".deskbridge_search_public(subject text, replies text, name text, email text, company text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(subject, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, left(coalesce(replies, ''), 500000)), 'B')
      || setweight(to_tsvector('english'::regconfig,
           concat_ws(' ', name, email, translate(email, '@.+_-', '     '), company)), 'C')
$$;

-- Internal notes rank like replies but live only in the agents' document.
CREATE FUNCTION "public".deskbridge_search_notes(notes text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, left(coalesce(notes, ''), 500000)), 'B')
$$;

-- Recomputes one ticket's documents from its subject, messages and contact.
CREATE FUNCTION "public".deskbridge_refresh_ticket_search(p_ticket text)
RETURNS void LANGUAGE sql AS $$
  UPDATE "public"."Ticket" t
     SET ("searchPublic", "searchAll") = (
       SELECT pub, pub || "public".deskbridge_search_notes(m.notes)
         FROM (SELECT string_agg(left(body, 20000), E'\n' ORDER BY "createdAt", id) FILTER (WHERE kind = 'reply') AS replies,
                      string_agg(left(body, 20000), E'\n' ORDER BY "createdAt", id) FILTER (WHERE kind = 'note') AS notes
                 FROM "public"."Message" WHERE "ticketId" = t.id) m
         LEFT JOIN "public"."Contact" c ON c.id = t."contactId",
         LATERAL (SELECT "public".deskbridge_search_public(t.subject, m.replies, c.name, c.email, c.company) AS pub) p
     )
   WHERE t.id = p_ticket
$$;

-- Set-based rebuild of every ticket's documents (or one workspace's): for the migration's
-- backfill and for bulk loads that insert with triggers disabled. Returns the tickets updated.
CREATE FUNCTION "public".deskbridge_rebuild_search(p_workspace text DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  updated bigint;
BEGIN
  WITH m AS (
    SELECT "ticketId",
           string_agg(left(body, 20000), E'\n' ORDER BY "createdAt", id) FILTER (WHERE kind = 'reply') AS replies,
           string_agg(left(body, 20000), E'\n' ORDER BY "createdAt", id) FILTER (WHERE kind = 'note') AS notes
      FROM "public"."Message"
     WHERE p_workspace IS NULL OR "workspaceId" = p_workspace
     GROUP BY "ticketId"
  ), v AS (
    SELECT t.id,
           "public".deskbridge_search_public(t.subject, m.replies, c.name, c.email, c.company) AS pub,
           "public".deskbridge_search_notes(m.notes) AS notes
      FROM "public"."Ticket" t
      LEFT JOIN m ON m."ticketId" = t.id
      LEFT JOIN "public"."Contact" c ON c.id = t."contactId"
     WHERE p_workspace IS NULL OR t."workspaceId" = p_workspace
  )
  UPDATE "public"."Ticket" t SET "searchPublic" = v.pub, "searchAll" = v.pub || v.notes
    FROM v WHERE v.id = t.id;
  GET DIAGNOSTICS updated = ROW_COUNT;
  RETURN updated;
END $$;

CREATE FUNCTION "public".deskbridge_ticket_search_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c record;
  notes text;
  replies text;
BEGIN
  SELECT name, email, company INTO c FROM "public"."Contact" WHERE id = NEW."contactId";
  SELECT string_agg(left(body, 20000), E'\n' ORDER BY "createdAt", id) FILTER (WHERE kind = 'reply'),
         string_agg(left(body, 20000), E'\n' ORDER BY "createdAt", id) FILTER (WHERE kind = 'note')
    INTO replies, notes
    FROM "public"."Message" WHERE "ticketId" = NEW.id;
  NEW."searchPublic" := "public".deskbridge_search_public(NEW.subject, replies, c.name, c.email, c.company);
  NEW."searchAll" := NEW."searchPublic" || "public".deskbridge_search_notes(notes);
  RETURN NEW;
END $$;

CREATE TRIGGER "Ticket_search" BEFORE INSERT OR UPDATE OF subject, "contactId" ON "Ticket"
  FOR EACH ROW EXECUTE FUNCTION "public".deskbridge_ticket_search_trigger();

CREATE FUNCTION "public".deskbridge_message_search_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM "public".deskbridge_refresh_ticket_search(OLD."ticketId");
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."ticketId" IS DISTINCT FROM OLD."ticketId") THEN
    PERFORM "public".deskbridge_refresh_ticket_search(NEW."ticketId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Message_search" AFTER INSERT OR DELETE OR UPDATE OF body, kind, "ticketId" ON "Message"
  FOR EACH ROW EXECUTE FUNCTION "public".deskbridge_message_search_trigger();

-- A contact's name, email or company is part of each of its tickets' documents.
CREATE FUNCTION "public".deskbridge_contact_search_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "public".deskbridge_refresh_ticket_search(t.id)
     FROM "public"."Ticket" t WHERE t."contactId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "Contact_search" AFTER UPDATE OF name, email, company ON "Contact"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email
                     OR OLD.company IS DISTINCT FROM NEW.company)
  EXECUTE FUNCTION "public".deskbridge_contact_search_trigger();

SELECT "public".deskbridge_rebuild_search();

CREATE INDEX "Ticket_searchPublic_idx" ON "Ticket" USING GIN ("workspaceId", "searchPublic");
CREATE INDEX "Ticket_searchAll_idx" ON "Ticket" USING GIN ("workspaceId", "searchAll");
