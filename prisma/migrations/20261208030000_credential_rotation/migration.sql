-- Key and token rotation: the replaced secret stays accepted until its overlap ends.
ALTER TABLE "Credential" ADD COLUMN "previousSecretHash" TEXT,
  ADD COLUMN "previousLastFour" TEXT,
  ADD COLUMN "previousExpiresAt" TIMESTAMP(3),
  ADD COLUMN "rotatedAt" TIMESTAMP(3);

CREATE UNIQUE INDEX "Credential_previousSecretHash_key" ON "Credential"("previousSecretHash");
