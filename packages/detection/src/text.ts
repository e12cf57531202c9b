/**
 * Printable ASCII and the CJK Unified Ideographs have no compatibility decompositions and compose with
 * nothing in this set, so text made only of them is already NFKC.
 */
const ALREADY_NFKC = /^[\x20-\x7e\u4e00-\u9fff]*$/;
const WHITESPACE_RUN = /\s+/g;

/**
 * The form titles and keywords are compared in: NFKC (full-width ＡＡＡ and １：１ read as aaa and 1:1,
 * the ideographic space as a space), lower case, whitespace runs collapsed to one space.
 */
export function normaliseText(text: string): string {
  // Most titles are ASCII and plain Chinese; skipping the ICU call for them keeps the scanner's hot path cheap.
  const composed = ALREADY_NFKC.test(text) ? text : text.normalize('NFKC');
  return composed.toLowerCase().replace(WHITESPACE_RUN, ' ').trim();
}

const ASCII_WORD_CHAR = /[a-z0-9]/;

/** Whether the character at `index` would continue a Latin word or number (outside the string: no). */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Whether a term starting (or ending) with this character needs a word boundary there. */
export function needsBoundary(char: string | undefined): boolean {
  return char !== undefined && ASCII_WORD_CHAR.test(char);
}

/**
 * Scratch arrays remember "seen in this call" as the call's stamp instead of being cleared each call.
 * Returns the next stamp, clearing the array before the counter would overflow it (a scanner makes
 * billions of calls).
 */
export function nextStamp(stamp: number, marks: Int32Array): number {
  if (stamp < 0x3fffffff) return stamp + 1;
  marks.fill(0);
  return 1;
}
