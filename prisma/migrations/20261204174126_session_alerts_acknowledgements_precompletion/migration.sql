-- CreateTable
CREATE TABLE "SessionAlert" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WarningAcknowledgement" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "acknowledgedById" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WarningAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreCompletionAssessment" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "vitalsAcceptable" BOOLEAN NOT NULL,
    "assessedAt" TIMESTAMPTZ(3) NOT NULL,
    "assessedById" TEXT NOT NULL,

    CONSTRAINT "PreCompletionAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SessionAlert_sessionId_raisedAt_idx" ON "SessionAlert"("sessionId", "raisedAt");

-- CreateIndex
CREATE INDEX "WarningAcknowledgement_sessionId_idx" ON "WarningAcknowledgement"("sessionId");

-- CreateIndex
CREATE INDEX "PreCompletionAssessment_sessionId_assessedAt_idx" ON "PreCompletionAssessment"("sessionId", "assessedAt");

-- AddForeignKey
ALTER TABLE "SessionAlert" ADD CONSTRAINT "SessionAlert_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarningAcknowledgement" ADD CONSTRAINT "WarningAcknowledgement_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarningAcknowledgement" ADD CONSTRAINT "WarningAcknowledgement_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreCompletionAssessment" ADD CONSTRAINT "PreCompletionAssessment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreCompletionAssessment" ADD CONSTRAINT "PreCompletionAssessment_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
