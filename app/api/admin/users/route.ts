import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, parseBody, route } from "@/lib/http/route";
import { createUser } from "@/lib/users/data";
import { createUserSchema } from "@/lib/users/schema";

export const POST = route(async (req) => {
  const user = await authorizeRequest("user.manage");
  return ok(await createUser(user, await parseBody(req, createUserSchema)), 201);
});
