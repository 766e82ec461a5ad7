import { endpoint } from "@/lib/http/endpoint";
import { createUser } from "@/lib/users/data";
import { createUserSchema } from "@/lib/users/schema";

export const POST = endpoint({ action: "user.manage", body: createUserSchema, status: 201 }, ({ user, input }) => createUser(user, input));
