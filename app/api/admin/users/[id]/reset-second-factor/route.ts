import { endpoint } from "@/lib/http/endpoint";
import { resetSecondFactor } from "@/lib/users/data";
import { userStatusSchema } from "@/lib/users/schema";

/** POST { reason }: turns off the user's two-step sign-in (lost authenticator) and ends their sessions; audited. */
export const POST = endpoint({ action: "user.manage", record: { type: "User" }, body: userStatusSchema }, ({ user, params: { id }, input: { reason } }) =>
  resetSecondFactor(user, id, reason),
);
