-- DropIndex
DROP INDEX "DeviceAdministration_deviceId_key";

-- CreateIndex
CREATE INDEX "DeviceAdministration_deviceId_idx" ON "DeviceAdministration"("deviceId");

-- A device is given at most once: one administration not entered in error per device (issue 10, point 6).
-- An administration entered in error returns the device to stock, so it can be given again.
CREATE UNIQUE INDEX "DeviceAdministration_one_live_per_device" ON "DeviceAdministration"("deviceId") WHERE "enteredInErrorAt" IS NULL;
