-- Trigram search on patient names and MRN (patient list at 100 000 patients).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "SettingType" AS ENUM ('OUTPATIENT', 'INPATIENT');

-- CreateEnum
CREATE TYPE "CertificationStatus" AS ENUM ('PENDING', 'ACTIVE', 'RECERTIFICATION_REQUIRED', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "AcquisitionMethod" AS ENUM ('PHARMACY_CHANNEL', 'BUY_AND_BILL');

-- CreateEnum
CREATE TYPE "ObservationAnchor" AS ENUM ('FIRST_DEVICE', 'LAST_DEVICE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('NURSE', 'PSYCHIATRIST', 'ADMIN');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE', 'OTHER');

-- CreateEnum
CREATE TYPE "Indication" AS ENUM ('TRD', 'MDSI');

-- CreateEnum
CREATE TYPE "FlagCategory" AS ENUM ('CONTRAINDICATION', 'CAUTION');

-- CreateEnum
CREATE TYPE "FlagKind" AS ENUM ('ANEURYSMAL_VASCULAR_DISEASE', 'ARTERIOVENOUS_MALFORMATION', 'INTRACEREBRAL_HEMORRHAGE_HISTORY', 'HYPERSENSITIVITY', 'PREGNANCY', 'BREASTFEEDING', 'PSYCHOSIS_HISTORY', 'ACTIVE_PSYCHOSIS', 'SUBSTANCE_USE_DISORDER', 'HYPERTENSIVE_ENCEPHALOPATHY', 'BIPOLAR_WITHOUT_MOOD_STABILIZER', 'OTHER_CAUTION');

-- CreateEnum
CREATE TYPE "DrugClass" AS ENUM ('ORAL_ANTIDEPRESSANT', 'MOOD_STABILIZER', 'BENZODIAZEPINE', 'SEDATIVE_HYPNOTIC', 'PSYCHOSTIMULANT', 'MAOI', 'OPIOID', 'OPIOID_ANTAGONIST', 'ANTIPSYCHOTIC', 'ANTIHYPERTENSIVE', 'NASAL_CORTICOSTEROID', 'NASAL_DECONGESTANT', 'OTHER');

-- CreateEnum
CREATE TYPE "SubmissionChannel" AS ENUM ('ONLINE', 'FAX');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('SCHEDULED', 'CHECKED_IN', 'DOSING', 'MONITORING', 'DISCHARGED', 'EMERGENCY_TRANSFER', 'CANCELLED', 'RESCHEDULED');

-- CreateEnum
CREATE TYPE "RideType" AS ENUM ('DRIVER', 'RIDESHARE', 'NONE');

-- CreateEnum
CREATE TYPE "PregnancyStatus" AS ENUM ('NOT_APPLICABLE', 'NOT_PREGNANT', 'PREGNANT', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "DeviceStatus" AS ENUM ('ON_HAND', 'ADMINISTERED', 'WASTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "VitalKind" AS ENUM ('PRE_DOSE', 'POST_40', 'EXTRA', 'PRE_COMPLETION');

-- CreateEnum
CREATE TYPE "DissociationScale" AS ENUM ('NONE', 'CADSS', 'CADSS6');

-- CreateEnum
CREATE TYPE "AdverseEventType" AS ENUM ('SEDATION', 'DISSOCIATION', 'RESPIRATORY_DEPRESSION', 'HYPERTENSION', 'OTHER');

-- CreateEnum
CREATE TYPE "GateDecision" AS ENUM ('PROCEED', 'DELAY');

-- CreateEnum
CREATE TYPE "SessionOutcome" AS ENUM ('DISCHARGED', 'EMERGENCY_TRANSFER');

-- CreateEnum
CREATE TYPE "PmfStatus" AS ENUM ('DRAFT', 'READY', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "Instrument" AS ENUM ('PHQ9', 'MADRS', 'CSSRS');

-- CreateEnum
CREATE TYPE "TrialOutcome" AS ENUM ('NO_RESPONSE', 'PARTIAL_RESPONSE', 'INTOLERANCE', 'REMISSION');

-- CreateTable
CREATE TABLE "RemsParameterSet" (
    "id" TEXT NOT NULL,
    "effectiveFrom" TIMESTAMPTZ(3) NOT NULL,
    "minObservationMinutes" INTEGER NOT NULL DEFAULT 120,
    "pmfRequired" BOOLEAN NOT NULL DEFAULT true,
    "pmfDueDays" INTEGER NOT NULL DEFAULT 7,
    "pmfFormVersion" TEXT NOT NULL DEFAULT 'current-2024',
    "enrollmentGateEnabled" BOOLEAN NOT NULL DEFAULT true,
    "pulseOximetryRequired" BOOLEAN NOT NULL DEFAULT true,
    "deviceSpacingMinutes" INTEGER NOT NULL DEFAULT 5,
    "fortyMinuteTargetMinutes" INTEGER NOT NULL DEFAULT 40,
    "fortyMinuteWindowStart" INTEGER NOT NULL DEFAULT 30,
    "fortyMinuteWindowEnd" INTEGER NOT NULL DEFAULT 50,
    "preDoseBpGateSystolic" INTEGER NOT NULL DEFAULT 140,
    "preDoseBpGateDiastolic" INTEGER NOT NULL DEFAULT 90,
    "preCompletionBpWindowMinutes" INTEGER NOT NULL DEFAULT 15,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RemsParameterSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "settingType" "SettingType" NOT NULL,
    "certificationStatus" "CertificationStatus" NOT NULL DEFAULT 'PENDING',
    "certifiedAt" TIMESTAMPTZ(3),
    "remsSettingId" TEXT,
    "acquisitionMethods" "AcquisitionMethod"[],
    "pulseOximeterAttested" BOOLEAN NOT NULL DEFAULT false,
    "pulseOximeterAttestedAt" TIMESTAMPTZ(3),
    "address1" TEXT NOT NULL,
    "address2" TEXT,
    "city" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "zip" TEXT NOT NULL,
    "phone" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'America/New_York',
    "postDoseAlertSystolic" INTEGER NOT NULL DEFAULT 180,
    "postDoseAlertDiastolic" INTEGER NOT NULL DEFAULT 110,
    "urgentSystolic" INTEGER NOT NULL DEFAULT 200,
    "urgentDiastolic" INTEGER NOT NULL DEFAULT 120,
    "spo2AlertThreshold" INTEGER NOT NULL DEFAULT 93,
    "preDoseCeilingSystolic" INTEGER,
    "preDoseCeilingDiastolic" INTEGER,
    "observationAnchor" "ObservationAnchor" NOT NULL DEFAULT 'FIRST_DEVICE',
    "idleLockMinutes" INTEGER NOT NULL DEFAULT 10,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthorizedRepresentative" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "fromDate" DATE NOT NULL,
    "toDate" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthorizedRepresentative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Chair" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Chair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "telephone" TEXT,
    "passwordHash" TEXT NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSite" (
    "userId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,

    CONSTRAINT "UserSite_pkey" PRIMARY KEY ("userId","siteId")
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedReason" TEXT,
    "userAgent" TEXT,
    "ip" TEXT,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "accountKey" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("accountKey")
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "mrn" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleInitial" TEXT,
    "lastName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "indication" "Indication",
    "archivedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClinicalFlag" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "category" "FlagCategory" NOT NULL,
    "kind" "FlagKind" NOT NULL,
    "note" TEXT,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT,
    "removedAt" TIMESTAMPTZ(3),
    "removedById" TEXT,
    "removedReason" TEXT,

    CONSTRAINT "ClinicalFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcomitantMedication" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "drugClass" "DrugClass" NOT NULL,
    "dose" TEXT,
    "startedOn" DATE,
    "stoppedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConcomitantMedication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemsEnrollment" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "prescriberId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "patientSignedAt" TIMESTAMPTZ(3),
    "prescriberSignedAt" TIMESTAMPTZ(3),
    "submittedAt" TIMESTAMPTZ(3),
    "channel" "SubmissionChannel",
    "remsConfirmation" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RemsEnrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CounsellingRecord" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "counselledAt" TIMESTAMPTZ(3) NOT NULL,
    "counselledById" TEXT NOT NULL,
    "topics" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CounsellingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientTransfer" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "fromSiteId" TEXT NOT NULL,
    "toSettingName" TEXT NOT NULL,
    "transferDate" DATE NOT NULL,
    "remsNotifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TreatmentSession" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "chairId" TEXT,
    "prescriberOnSiteId" TEXT,
    "monitoringHcpId" TEXT,
    "status" "SessionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "indication" "Indication",
    "scheduledFor" TIMESTAMPTZ(3),
    "checkedInAt" TIMESTAMPTZ(3),
    "treatmentDate" DATE,
    "plannedDoseMg" INTEGER,
    "otherDoseReason" TEXT,
    "endOfMonitoringAt" TIMESTAMPTZ(3),
    "cancelledReason" TEXT,
    "idempotencyKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TreatmentSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreDoseChecklist" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "enrollmentVerifiedAt" TIMESTAMPTZ(3),
    "counsellingVerifiedAt" TIMESTAMPTZ(3),
    "rideType" "RideType",
    "driverName" TEXT,
    "driverPhone" TEXT,
    "lastFoodAt" TIMESTAMPTZ(3),
    "lastLiquidAt" TIMESTAMPTZ(3),
    "nasalMedicationAt" TIMESTAMPTZ(3),
    "conmedBenzodiazepines" BOOLEAN,
    "conmedSedativeHypnotics" BOOLEAN,
    "conmedPsychostimulants" BOOLEAN,
    "conmedMaois" BOOLEAN,
    "conmedOpioids" BOOLEAN,
    "conmedConfirmedAt" TIMESTAMPTZ(3),
    "pregnancyStatus" "PregnancyStatus",
    "acknowledgements" TEXT[],
    "completedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PreDoseChecklist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventoryLot" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "ndc" TEXT NOT NULL,
    "kitDescription" TEXT,
    "lotNumber" TEXT NOT NULL,
    "expiresOn" DATE NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "supplier" TEXT NOT NULL,
    "receivedById" TEXT NOT NULL,
    "deviceCount" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InventoryLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "status" "DeviceStatus" NOT NULL DEFAULT 'ON_HAND',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WasteRecord" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "wastedAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "wastedById" TEXT NOT NULL,
    "witnessId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WasteRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturnRecord" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "returnedAt" TIMESTAMPTZ(3) NOT NULL,
    "returnedTo" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "returnedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReturnRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventoryCount" (
    "id" TEXT NOT NULL,
    "lotId" TEXT NOT NULL,
    "countedAt" TIMESTAMPTZ(3) NOT NULL,
    "countedById" TEXT NOT NULL,
    "countedDevices" INTEGER NOT NULL,
    "expectedDevices" INTEGER NOT NULL,
    "note" TEXT,

    CONSTRAINT "InventoryCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeviceAdministration" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "administeredAt" TIMESTAMPTZ(3) NOT NULL,
    "deviceId" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorById" TEXT,
    "enteredInErrorReason" TEXT,
    "idempotencyKey" TEXT,

    CONSTRAINT "DeviceAdministration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObservationVital" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "kind" "VitalKind" NOT NULL,
    "systolic" INTEGER,
    "diastolic" INTEGER,
    "heartRate" INTEGER,
    "spo2" INTEGER,
    "respiratoryRate" INTEGER,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorById" TEXT,
    "enteredInErrorReason" TEXT,
    "replacesId" TEXT,
    "idempotencyKey" TEXT,

    CONSTRAINT "ObservationVital_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SedationAssessment" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "moaas" INTEGER NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorById" TEXT,
    "enteredInErrorReason" TEXT,
    "idempotencyKey" TEXT,

    CONSTRAINT "SedationAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DissociationAssessment" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "present" BOOLEAN NOT NULL,
    "scale" "DissociationScale" NOT NULL DEFAULT 'NONE',
    "itemScores" INTEGER[],
    "total" INTEGER,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorById" TEXT,
    "enteredInErrorReason" TEXT,
    "idempotencyKey" TEXT,

    CONSTRAINT "DissociationAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdverseEvent" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "sessionId" TEXT,
    "type" "AdverseEventType" NOT NULL,
    "description" TEXT NOT NULL,
    "serious" BOOLEAN NOT NULL DEFAULT false,
    "onsetAt" TIMESTAMPTZ(3) NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),
    "interventions" TEXT[],
    "outcome" TEXT,
    "spo2Nadir" INTEGER,
    "reportedToRemsAt" TIMESTAMPTZ(3),
    "remsReference" TEXT,
    "medWatchAt" TIMESTAMPTZ(3),
    "recordedById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idempotencyKey" TEXT,

    CONSTRAINT "AdverseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClinicalDecision" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "decision" "GateDecision" NOT NULL,
    "reason" TEXT NOT NULL,
    "prescriberId" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "idempotencyKey" TEXT,

    CONSTRAINT "ClinicalDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DischargeDecision" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "outcome" "SessionOutcome" NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "hcpId" TEXT NOT NULL,
    "criteriaSnapshot" JSONB NOT NULL,
    "rideConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "noDrivingReminder" BOOLEAN NOT NULL DEFAULT false,
    "readyToLeaveMinutes" INTEGER,
    "vitalsAcceptablePreAdministration" BOOLEAN,
    "vitalsAcceptablePreCompletion" BOOLEAN,
    "receivingService" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DischargeDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtocolDeviation" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "detectedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProtocolDeviation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientMonitoringForm" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "formVersion" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "status" "PmfStatus" NOT NULL DEFAULT 'DRAFT',
    "dueDate" DATE NOT NULL,
    "ownerId" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" TEXT,
    "channel" "SubmissionChannel",
    "confirmation" TEXT,
    "amendsId" TEXT,
    "amendmentReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientMonitoringForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeMeasure" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "sessionId" TEXT,
    "instrument" "Instrument" NOT NULL,
    "itemScores" INTEGER[],
    "total" INTEGER NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" TEXT NOT NULL,
    "enteredInErrorAt" TIMESTAMPTZ(3),
    "enteredInErrorById" TEXT,
    "enteredInErrorReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutcomeMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AntidepressantTrial" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "drug" TEXT NOT NULL,
    "mechanismClass" TEXT NOT NULL,
    "doseMg" INTEGER,
    "adequateDose" BOOLEAN NOT NULL,
    "weeks" DOUBLE PRECISION NOT NULL,
    "adherent" BOOLEAN NOT NULL,
    "outcome" "TrialOutcome" NOT NULL,
    "startedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AntidepressantTrial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "siteId" TEXT,
    "patientId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "requestId" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RemsParameterSet_effectiveFrom_key" ON "RemsParameterSet"("effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Site_code_key" ON "Site"("code");

-- CreateIndex
CREATE INDEX "AuthorizedRepresentative_siteId_toDate_idx" ON "AuthorizedRepresentative"("siteId", "toDate");

-- CreateIndex
CREATE UNIQUE INDEX "Chair_siteId_label_key" ON "Chair"("siteId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "UserSite_siteId_idx" ON "UserSite"("siteId");

-- CreateIndex
CREATE INDEX "AuthSession_userId_revokedAt_idx" ON "AuthSession"("userId", "revokedAt");

-- CreateIndex
CREATE INDEX "Patient_siteId_lastName_firstName_id_idx" ON "Patient"("siteId", "lastName", "firstName", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_siteId_mrn_key" ON "Patient"("siteId", "mrn");

-- CreateIndex
CREATE INDEX "ClinicalFlag_patientId_removedAt_idx" ON "ClinicalFlag"("patientId", "removedAt");

-- CreateIndex
CREATE INDEX "ConcomitantMedication_patientId_idx" ON "ConcomitantMedication"("patientId");

-- CreateIndex
CREATE INDEX "RemsEnrollment_patientId_idx" ON "RemsEnrollment"("patientId");

-- CreateIndex
CREATE INDEX "CounsellingRecord_patientId_idx" ON "CounsellingRecord"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentSession_idempotencyKey_key" ON "TreatmentSession"("idempotencyKey");

-- CreateIndex
CREATE INDEX "TreatmentSession_siteId_status_idx" ON "TreatmentSession"("siteId", "status");

-- CreateIndex
CREATE INDEX "TreatmentSession_patientId_treatmentDate_idx" ON "TreatmentSession"("patientId", "treatmentDate");

-- CreateIndex
CREATE UNIQUE INDEX "PreDoseChecklist_sessionId_key" ON "PreDoseChecklist"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "InventoryLot_siteId_ndc_lotNumber_key" ON "InventoryLot"("siteId", "ndc", "lotNumber");

-- CreateIndex
CREATE INDEX "Device_lotId_status_idx" ON "Device"("lotId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Device_lotId_serial_key" ON "Device"("lotId", "serial");

-- CreateIndex
CREATE UNIQUE INDEX "WasteRecord_deviceId_key" ON "WasteRecord"("deviceId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnRecord_deviceId_key" ON "ReturnRecord"("deviceId");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceAdministration_deviceId_key" ON "DeviceAdministration"("deviceId");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceAdministration_idempotencyKey_key" ON "DeviceAdministration"("idempotencyKey");

-- CreateIndex
CREATE INDEX "DeviceAdministration_sessionId_sequence_idx" ON "DeviceAdministration"("sessionId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "ObservationVital_idempotencyKey_key" ON "ObservationVital"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ObservationVital_sessionId_takenAt_idx" ON "ObservationVital"("sessionId", "takenAt");

-- CreateIndex
CREATE UNIQUE INDEX "SedationAssessment_idempotencyKey_key" ON "SedationAssessment"("idempotencyKey");

-- CreateIndex
CREATE INDEX "SedationAssessment_sessionId_takenAt_idx" ON "SedationAssessment"("sessionId", "takenAt");

-- CreateIndex
CREATE UNIQUE INDEX "DissociationAssessment_idempotencyKey_key" ON "DissociationAssessment"("idempotencyKey");

-- CreateIndex
CREATE INDEX "DissociationAssessment_sessionId_takenAt_idx" ON "DissociationAssessment"("sessionId", "takenAt");

-- CreateIndex
CREATE UNIQUE INDEX "AdverseEvent_idempotencyKey_key" ON "AdverseEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "AdverseEvent_siteId_onsetAt_idx" ON "AdverseEvent"("siteId", "onsetAt");

-- CreateIndex
CREATE INDEX "AdverseEvent_patientId_idx" ON "AdverseEvent"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "ClinicalDecision_idempotencyKey_key" ON "ClinicalDecision"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ClinicalDecision_sessionId_rule_idx" ON "ClinicalDecision"("sessionId", "rule");

-- CreateIndex
CREATE UNIQUE INDEX "DischargeDecision_sessionId_key" ON "DischargeDecision"("sessionId");

-- CreateIndex
CREATE INDEX "ProtocolDeviation_sessionId_idx" ON "ProtocolDeviation"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "PatientMonitoringForm_amendsId_key" ON "PatientMonitoringForm"("amendsId");

-- CreateIndex
CREATE INDEX "PatientMonitoringForm_status_dueDate_idx" ON "PatientMonitoringForm"("status", "dueDate");

-- CreateIndex
CREATE INDEX "PatientMonitoringForm_sessionId_idx" ON "PatientMonitoringForm"("sessionId");

-- CreateIndex
CREATE INDEX "OutcomeMeasure_patientId_instrument_takenAt_idx" ON "OutcomeMeasure"("patientId", "instrument", "takenAt");

-- CreateIndex
CREATE INDEX "AntidepressantTrial_patientId_idx" ON "AntidepressantTrial"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_patientId_at_idx" ON "AuditEvent"("patientId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "AuthorizedRepresentative" ADD CONSTRAINT "AuthorizedRepresentative_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Chair" ADD CONSTRAINT "Chair_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSite" ADD CONSTRAINT "UserSite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSite" ADD CONSTRAINT "UserSite_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicalFlag" ADD CONSTRAINT "ClinicalFlag_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcomitantMedication" ADD CONSTRAINT "ConcomitantMedication_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemsEnrollment" ADD CONSTRAINT "RemsEnrollment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemsEnrollment" ADD CONSTRAINT "RemsEnrollment_prescriberId_fkey" FOREIGN KEY ("prescriberId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemsEnrollment" ADD CONSTRAINT "RemsEnrollment_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounsellingRecord" ADD CONSTRAINT "CounsellingRecord_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientTransfer" ADD CONSTRAINT "PatientTransfer_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientTransfer" ADD CONSTRAINT "PatientTransfer_fromSiteId_fkey" FOREIGN KEY ("fromSiteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentSession" ADD CONSTRAINT "TreatmentSession_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentSession" ADD CONSTRAINT "TreatmentSession_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentSession" ADD CONSTRAINT "TreatmentSession_chairId_fkey" FOREIGN KEY ("chairId") REFERENCES "Chair"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentSession" ADD CONSTRAINT "TreatmentSession_prescriberOnSiteId_fkey" FOREIGN KEY ("prescriberOnSiteId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentSession" ADD CONSTRAINT "TreatmentSession_monitoringHcpId_fkey" FOREIGN KEY ("monitoringHcpId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreDoseChecklist" ADD CONSTRAINT "PreDoseChecklist_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventoryLot" ADD CONSTRAINT "InventoryLot_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "InventoryLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WasteRecord" ADD CONSTRAINT "WasteRecord_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReturnRecord" ADD CONSTRAINT "ReturnRecord_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventoryCount" ADD CONSTRAINT "InventoryCount_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "InventoryLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceAdministration" ADD CONSTRAINT "DeviceAdministration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceAdministration" ADD CONSTRAINT "DeviceAdministration_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationVital" ADD CONSTRAINT "ObservationVital_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SedationAssessment" ADD CONSTRAINT "SedationAssessment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DissociationAssessment" ADD CONSTRAINT "DissociationAssessment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdverseEvent" ADD CONSTRAINT "AdverseEvent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdverseEvent" ADD CONSTRAINT "AdverseEvent_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdverseEvent" ADD CONSTRAINT "AdverseEvent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicalDecision" ADD CONSTRAINT "ClinicalDecision_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClinicalDecision" ADD CONSTRAINT "ClinicalDecision_prescriberId_fkey" FOREIGN KEY ("prescriberId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DischargeDecision" ADD CONSTRAINT "DischargeDecision_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolDeviation" ADD CONSTRAINT "ProtocolDeviation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientMonitoringForm" ADD CONSTRAINT "PatientMonitoringForm_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientMonitoringForm" ADD CONSTRAINT "PatientMonitoringForm_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "PatientMonitoringForm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeMeasure" ADD CONSTRAINT "OutcomeMeasure_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeMeasure" ADD CONSTRAINT "OutcomeMeasure_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TreatmentSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AntidepressantTrial" ADD CONSTRAINT "AntidepressantTrial_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Patient search: trigram indexes so "contains" search on name and MRN uses an index, not a scan.
CREATE INDEX "Patient_search_name_trgm" ON "Patient" USING gin ((lower("lastName" || ' ' || "firstName")) gin_trgm_ops);
CREATE INDEX "Patient_search_mrn_trgm" ON "Patient" USING gin (lower("mrn") gin_trgm_ops);

-- The audit trail is append-only (R46): the database itself refuses UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEvent_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
