// npm run setup -- <file.json>   (or the JSON on stdin)
// First run on an empty database: creates the first administrator and the first site, with the same
// schema and lib function as the /setup page. Refuses (exit 1) once any user exists.
// The file holds { "admin": {...}, "site": {...} }: see docs/setup.example.json.
import fs from "node:fs";
import { db } from "../lib/db/client";
import { HttpError } from "../lib/http/errors";
import { firstRun } from "../lib/setup/first-run";
import { firstRunSchema } from "../lib/setup/schema";

const file = process.argv[2];
const text = file && file !== "-" ? fs.readFileSync(file, "utf8") : fs.readFileSync(0, "utf8");
let code = 0;
try {
  const parsed = firstRunSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    console.error("Please correct these fields:");
    for (const i of parsed.error.issues) console.error(`  ${i.path.join(".")}: ${i.message}`);
    code = 2;
  } else {
    const r = await firstRun(parsed.data);
    console.log(`Created administrator ${parsed.data.admin.email} (${r.userId}) and site ${parsed.data.site.code} (${r.siteId}). Sign in at /sign-in.`);
  }
} catch (e) {
  if (e instanceof SyntaxError) {
    console.error(`Not valid JSON: ${e.message}`);
    code = 2;
  } else if (e instanceof HttpError) {
    console.error(e.message);
    for (const [f, m] of Object.entries(e.fieldErrors ?? {})) console.error(`  ${f}: ${m.join(" ")}`);
    code = e.status === 409 ? 1 : 2;
  } else throw e;
} finally {
  await db().$disconnect();
}
process.exit(code);
