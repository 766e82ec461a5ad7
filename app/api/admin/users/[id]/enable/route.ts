import { endpoint } from "@/lib/http/endpoint";
import { enableUser } from "@/lib/users/data";
import { userStatusSchema } from "@/lib/users/schema";

/** POST { reason }: lets a disabled account sign in again. */
// Only an administrator of every one of the user's sites; for anyone else the user does not exist (404).
export const POST = endpoint({ action: "user.manage", record: { type: "User" }, body: userStatusSchema }, ({ user, params: { id }, input: { reason } }) =>
  enableUser(user, id, reason),
);
