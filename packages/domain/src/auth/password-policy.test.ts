import { describe, expect, it } from 'vitest';
import { newPasswordSchema } from '../api/common';
import { DomainError } from '../errors';
import { assertNewPassword, PASSWORD_MIN_LENGTH, weakPasswordReasons } from './password-policy';

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(weakPasswordReasons('staple battery horse correct', 'ann@brand.test')).toEqual([]);
    expect(newPasswordSchema.safeParse('staple battery horse correct').success).toBe(true);
  });

  it('refuses short passwords with the minimum in the message', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    const result = newPasswordSchema.safeParse('elevenchars');
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['must be at least 12 characters']);
  });

  it('refuses the most common passwords whatever their case, and one character repeated', () => {
    for (const common of ['password1234', 'Qwerty123456', '1qaz2wsx3edc', 'JointForce-Demo']) {
      expect(weakPasswordReasons(common), common).toEqual(['is one of the most common passwords; choose another']);
      expect(newPasswordSchema.safeParse(common).success, common).toBe(false);
    }
    expect(weakPasswordReasons('zzzzzzzzzzzzzz')).toEqual(['must not be one character repeated']);
  });

  it('refuses the account’s own e-mail address, or the part before the @', () => {
    expect(weakPasswordReasons('Annabelle.Smith@brand.test', 'annabelle.smith@brand.test')).toEqual(['must not be your e-mail address']);
    expect(weakPasswordReasons('annabelle.smith', 'annabelle.smith@brand.test')).toEqual(['must not be your e-mail address']);
  });

  it('names the password field when refusing', () => {
    const error = (() => {
      try {
        assertNewPassword('ann.long.name@brand.test', 'ann.long.name@brand.test');
        return null;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'validation', fieldIssues: { password: ['must not be your e-mail address'] } });
    expect(() => assertNewPassword('a different long passphrase', 'ann@brand.test')).not.toThrow();
  });
});
