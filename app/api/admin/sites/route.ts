import { command } from "@/lib/http/command";
import { createSite } from "@/lib/sites/data";
import { siteCreateSchema } from "@/lib/sites/schema";

export const POST = command({ action: "site.manage", body: siteCreateSchema, status: 201 }, ({ user, input }) => createSite(user, input));
