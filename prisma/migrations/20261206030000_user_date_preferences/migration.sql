-- Each user's time zone and locale for the dates the app shows them (null: the browser's).
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT,
ADD COLUMN "locale" TEXT;
