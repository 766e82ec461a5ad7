import { hash, verify, type Options } from "@node-rs/argon2";

// argon2id with the OWASP minimum (19 MiB, 2 iterations, 1 lane).
// `Algorithm` is a const enum, which isolated modules cannot import: 2 is Algorithm.Argon2id.
const OPTIONS: Options = { algorithm: 2 as Options["algorithm"], memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (plain: string) => hash(plain, OPTIONS);

export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

// A real hash to verify against when the account does not exist, so timing does not reveal it.
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword("not-a-real-password-" + Math.random()));
