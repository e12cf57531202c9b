import { invalidInput } from '../errors';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * The most common passwords of breach lists that are long enough to pass the length rule, and this
 * platform's own published demo password. Shorter common passwords already fail on length.
 */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456123456',
  '123123123123',
  '111111111111',
  '000000000000',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  '1qazxsw23edc',
  'zaq12wsxcde3',
  'qazwsxedcrfv',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwerty123456',
  'qwertyqwerty',
  'qwertyuiopasdfgh',
  'asdfghjkl123',
  'abcdefghijkl',
  'abc123abc123',
  'abcd12345678',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'password!123',
  'p@ssw0rd1234',
  'p@ssword1234',
  'iloveyou1234',
  'welcome12345',
  'welcome123456',
  'letmein12345',
  'changeme1234',
  'administrator',
  'adminadmin123',
  'football1234',
  'baseball1234',
  'superman1234',
  'sunshine1234',
  'princess1234',
  'monkey123456',
  'dragon123456',
  'trustno1trustno1',
  'correcthorsebatterystaple',
  'correct horse battery staple',
  'jointforce123',
  'jointforce1234',
  'jointforce-demo',
]);

/**
 * Why a new password is refused beyond its length (which the schema checks): one of the most common
 * passwords, one character repeated, or the account's own e-mail address (or the part before the @).
 * Empty when the password is acceptable. Length beats composition rules (NIST 800-63B), so there are none.
 */
export function weakPasswordReasons(password: string, email?: string): string[] {
  const reasons: string[] = [];
  const folded = password.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) reasons.push('is one of the most common passwords; choose another');
  else if (folded.length > 0 && new Set(folded).size === 1) reasons.push('must not be one character repeated');
  if (email) {
    const address = email.trim().toLowerCase();
    if (folded === address || folded === address.split('@')[0]) reasons.push('must not be your e-mail address');
  }
  return reasons;
}

/** Throws a validation error naming the `password` field when the password may not be set for `email`. */
export function assertNewPassword(password: string, email: string): void {
  const reasons = weakPasswordReasons(password, email);
  if (reasons.length > 0) throw invalidInput('The password was refused', { password: reasons });
}
