import { endpoint } from "@/lib/http/endpoint";
import { createSite } from "@/lib/sites/data";
import { siteCreateSchema } from "@/lib/sites/schema";

export const POST = endpoint({ action: "site.manage", body: siteCreateSchema, status: 201 }, ({ user, input }) => createSite(user, input));
