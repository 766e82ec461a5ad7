// First run: the first administrator and the first site. Isomorphic: the setup page's form, the
// route and `npm run setup` parse the same schema.
import { z } from "zod";
import { createUserSchema } from "@/lib/users/schema";
import { newPasswordField } from "@/lib/auth/schema";
import { siteCreateSchema } from "@/lib/sites/schema";

// The first administrator chooses their own password (the only account not started with a one-time code).
export const firstAdminSchema = createUserSchema.pick({ firstName: true, lastName: true, email: true, telephone: true }).extend({ password: newPasswordField });

export const firstRunSchema = z.object({ admin: firstAdminSchema, site: siteCreateSchema });
export type FirstRunInput = z.input<typeof firstRunSchema>;
export type FirstRun = z.output<typeof firstRunSchema>;
