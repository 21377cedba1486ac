// argon2 is a native module: loaded at the first password hashed or checked, not at start
// (a browser that is still signed in opens its first page without it).
const argon2 = () => import('@node-rs/argon2');

// argon2id (the library default algorithm) with OWASP's minimum: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = async (password: string) => (await argon2()).hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const { verify } = await argon2();
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
