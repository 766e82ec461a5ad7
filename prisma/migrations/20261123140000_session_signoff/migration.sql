-- CreateEnum
CREATE TYPE "SignatureMeaning" AS ENUM ('REVIEWED', 'APPROVED_DISCHARGE');

-- CreateTable
CREATE TABLE "SessionSignature" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "signerId" TEXT NOT NULL,
    "printedName" TEXT NOT NULL,
    "meaning" "SignatureMeaning" NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "contentHash" TEXT NOT NULL,

    CONSTRAINT "SessionSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionAmendment" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "entryKind" TEXT,
    "entryId" TEXT,
    "correction" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "amendedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SessionSignature_sessionId_key" ON "SessionSignature"("sessionId");

-- CreateIndex
CREATE INDEX "SessionAmendment_sessionId_idx" ON "SessionAmendment"("sessionId");

-- AddForeignKey
ALTER TABLE "SessionSignature" ADD CONSTRAINT "SessionSignature_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionSignature" ADD CONSTRAINT "SessionSignature_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAmendment" ADD CONSTRAINT "SessionAmendment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAmendment" ADD CONSTRAINT "SessionAmendment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A signature and an amendment are never changed or removed once written.
CREATE FUNCTION signoff_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "SessionSignature_no_update_delete" BEFORE UPDATE OR DELETE ON "SessionSignature"
  FOR EACH ROW EXECUTE FUNCTION signoff_append_only();
CREATE TRIGGER "SessionAmendment_no_update_delete" BEFORE UPDATE OR DELETE ON "SessionAmendment"
  FOR EACH ROW EXECUTE FUNCTION signoff_append_only();
