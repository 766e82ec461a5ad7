import { command } from "@/lib/http/command";
import { createUser } from "@/lib/users/data";
import { createUserSchema } from "@/lib/users/schema";

export const POST = command({ action: "user.manage", body: createUserSchema, status: 201 }, ({ user, input }) => createUser(user, input));
