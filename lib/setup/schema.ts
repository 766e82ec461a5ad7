// First run: the first administrator and the first site. Isomorphic: the setup page's form, the
// route and `npm run setup` parse the same schema.
import { z } from "zod";
import { createUserSchema } from "@/lib/users/schema";
import { siteCreateSchema } from "@/lib/sites/schema";

export const firstAdminSchema = createUserSchema.pick({ firstName: true, lastName: true, email: true, telephone: true, password: true });

export const firstRunSchema = z.object({ admin: firstAdminSchema, site: siteCreateSchema });
export type FirstRunInput = z.input<typeof firstRunSchema>;
export type FirstRun = z.output<typeof firstRunSchema>;
