import { endpoint } from "@/lib/http/endpoint";
import { updateUser } from "@/lib/users/data";
import { updateUserSchema } from "@/lib/users/schema";

/** PATCH with the version the form was loaded at: 409 if someone saved in between. */
// Only an administrator of every one of the user's sites; for anyone else the user does not exist (404).
export const PATCH = endpoint({ action: "user.manage", record: { type: "User" }, body: updateUserSchema }, ({ user, params: { id }, input }) =>
  updateUser(user, id, input),
);
