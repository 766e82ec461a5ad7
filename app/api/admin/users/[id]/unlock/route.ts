import { endpoint } from "@/lib/http/endpoint";
import { unlockUser } from "@/lib/users/data";
import { userStatusSchema } from "@/lib/users/schema";

/** POST { reason }: lifts the account's sign-in lock (too many failed sign-ins) now; audited. */
export const POST = endpoint({ action: "user.manage", record: { type: "User" }, body: userStatusSchema }, ({ user, params: { id }, input: { reason } }) =>
  unlockUser(user, id, reason),
);
