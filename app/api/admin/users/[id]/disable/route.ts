import { endpoint } from "@/lib/http/endpoint";
import { disableUser } from "@/lib/users/data";
import { userStatusSchema } from "@/lib/users/schema";

/** POST { reason }: disables the account and ends all of its sessions at once. */
// Only an administrator of every one of the user's sites; for anyone else the user does not exist (404).
export const POST = endpoint({ action: "user.manage", record: { type: "User" }, body: userStatusSchema }, ({ user, params: { id }, input: { reason } }) =>
  disableUser(user, id, reason),
);
