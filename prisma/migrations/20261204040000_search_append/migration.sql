-- A new message appends its own words to its ticket's documents instead of re-reading the
-- whole thread. Re-reading cost grew with the thread (1.2 ms per note at 100 notes, 4.2 ms at
-- 800) and ran under the ticket's row lock, so writes to a busy ticket queued behind it.
-- Appended words keep their order within the message; a phrase never spans two messages.
-- A deleted or edited message, or a ticket whose documents near the size cap, still gets
-- the full recompute, which caps the text it reads.
CREATE OR REPLACE FUNCTION "public".deskbridge_message_search_trigger()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  words tsvector;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.kind NOT IN ('reply', 'note') THEN
      RETURN NULL;
    END IF;
    words := setweight(to_tsvector('english'::regconfig, left(coalesce(NEW.body, ''), 20000)), 'B');
    UPDATE "public"."Ticket"
       SET "searchAll" = coalesce("searchAll", ''::tsvector) || words,
           "searchPublic" = CASE WHEN NEW.kind = 'reply'
                                 THEN coalesce("searchPublic", ''::tsvector) || words
                                 ELSE "searchPublic" END
     WHERE id = NEW."ticketId" AND coalesce(pg_column_size("searchAll"), 0) < 262144;
    IF NOT FOUND THEN
      PERFORM "public".deskbridge_refresh_ticket_search(NEW."ticketId");
    END IF;
    RETURN NULL;
  END IF;
  PERFORM "public".deskbridge_refresh_ticket_search(OLD."ticketId");
  IF TG_OP = 'UPDATE' AND NEW."ticketId" IS DISTINCT FROM OLD."ticketId" THEN
    PERFORM "public".deskbridge_refresh_ticket_search(NEW."ticketId");
  END IF;
  RETURN NULL;
END $$;
