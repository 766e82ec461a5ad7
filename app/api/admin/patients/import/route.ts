import { authorizeRequest } from "@/lib/auth/authorize";
import { HttpError, invalidInput } from "@/lib/http/errors";
import { ok, route } from "@/lib/http/route";
import { IMPORT_MAX_BYTES } from "@/lib/patients/import-schema";
import { importPatients, previewPatientImport } from "@/lib/patients/import";

const tooLarge = () => new HttpError(413, "TOO_LARGE", `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB: split it.`);

/**
 * The one upload route, a documented exception to JSON bodies: the CSV comes as text/csv or as the
 * "file" field of multipart/form-data, at most 5 MB (413). ?mode=preview is the dry run (JSON);
 * ?mode=import answers 422 with the same report if anything is wrong, otherwise streams NDJSON
 * progress lines {"done","total"} and ends with {"ok":true,"data"} or {"ok":false,"message"}.
 */
export const POST = route(async (req) => {
  const params = new URL(req.url).searchParams;
  const siteId = params.get("siteId") ?? "";
  if (!siteId) throw invalidInput({ siteId: ["Choose the site"] });
  const user = await authorizeRequest("patient.import", { siteId, entityType: "Site", entityId: siteId });
  if (Number(req.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES) throw tooLarge();
  const type = req.headers.get("content-type") ?? "";
  let text: string;
  if (type.startsWith("multipart/form-data")) {
    const file = (await req.formData()).get("file");
    if (!(file instanceof Blob)) throw invalidInput({ file: ["Choose a CSV file"] });
    if (file.size > IMPORT_MAX_BYTES) throw tooLarge();
    text = await file.text();
  } else if (type.startsWith("text/csv") || type.startsWith("text/plain")) {
    text = await req.text();
  } else throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the CSV as text/csv or as a multipart form field named file.");
  if (Buffer.byteLength(text) > IMPORT_MAX_BYTES) throw tooLarge();

  const preview = await previewPatientImport(siteId, text);
  if (params.get("mode") !== "import") return ok(preview);
  if (preview.errorCount || !preview.valid)
    throw new HttpError(
      422,
      "IMPORT_INVALID",
      preview.errorCount
        ? `${preview.errorCount} problem${preview.errorCount === 1 ? "" : "s"} in the file: nothing was imported.`
        : "The file has no patients.",
      {},
      preview,
    );

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const line = (v: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(v)}\n`));
      line({ done: 0, total: preview.valid });
      try {
        line({ ok: true, data: await importPatients(user, siteId, text, (done, total) => line({ done, total })) });
      } catch (e) {
        if (!(e instanceof HttpError)) console.error("patient import", e);
        line({ ok: false, message: e instanceof HttpError ? e.message : "Something went wrong; nothing was imported." });
      }
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
});
