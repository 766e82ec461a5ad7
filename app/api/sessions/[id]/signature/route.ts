import { signSession } from "@/lib/signoff/data";
import { signSessionSchema } from "@/lib/signoff/schema";
import { sessionCommand } from "@/lib/sessions/route-helpers";

// Only psychiatrists sign (permission table); the password is checked again on the server.
export const POST = sessionCommand("session.sign", signSessionSchema, (user, id, input) => signSession(user, id, input), 201);
