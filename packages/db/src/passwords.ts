import argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP's recommended memory and time cost). */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Verifying against a fixed dummy hash keeps unknown e-mails as slow as wrong passwords.
  const target = hash ?? DUMMY_HASH;
  const valid = await argon2.verify(target, password).catch(() => false);
  return hash !== null && valid;
}

const DUMMY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG0Iy0DIFRnMQ';
