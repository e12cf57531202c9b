import { needsBoundary, nextStamp, normaliseText } from './text';

/**
 * What counterfeit sellers write, in English and Chinese (matched in the normalised title, so case and
 * full-width forms do not matter). Latin terms match whole words only: "copy" is not in "copyright".
 */
export const COUNTERFEIT_TERMS: readonly string[] = [
  'replica',
  'replicas',
  '1:1',
  'aaa',
  'high copy',
  'super copy',
  'mirror quality',
  'mirror copy',
  'factory outlet',
  'best version',
  'top version',
  'copy',
  'fake',
  'knockoff',
  'knock-off',
  'knock off',
  'imitation',
  'dupe',
  '高仿',
  '复刻',
  '精仿',
  'a货',
  '原单',
  '仿品',
  '超a',
  '一比一',
  '1比1',
  '同款',
  '工厂直销',
  '专柜品质',
  '莆田',
];

/**
 * What genuine sellers write. Counterfeiters write some of it too (正品 above all), which is why this is a
 * feature with a learned weight rather than an exemption.
 */
export const OFFICIAL_TERMS: readonly string[] = [
  'official store',
  'official shop',
  'flagship store',
  'authorised retailer',
  'authorized retailer',
  'authorised dealer',
  'authorized dealer',
  'authentic',
  'with receipt',
  'official warranty',
  '官方旗舰店',
  '旗舰店',
  '官方授权',
  '正品',
  '专柜正品',
  '全国联保',
  '正品保证',
];

const escapeChar = (char: string): string => char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A term as a pattern over normalised text: spaces optional, "1:1" also as "1 : 1", Latin edges as word edges. */
function termPattern(term: string): string {
  const chars = [...normaliseText(term)];
  const body = chars
    .map((char) => (char === ' ' ? '\\s*' : char === ':' ? '\\s*:\\s*' : escapeChar(char)))
    .join('');
  const before = needsBoundary(chars[0]) ? '(?<![a-z0-9])' : '';
  const after = needsBoundary(chars[chars.length - 1]) ? '(?![a-z0-9])' : '';
  return `${before}(${body})${after}`;
}

/**
 * Counts the distinct terms of a list found in normalised text. One regular expression for the whole
 * list, longest terms first, so "high copy" is one hit rather than "high copy" and "copy".
 */
export class TermCounter {
  private readonly pattern: RegExp;
  private readonly termCount: number;
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(terms: readonly string[]) {
    const unique = [...new Set(terms.map(normaliseText).filter((term) => term.length > 0))];
    unique.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.termCount = unique.length;
    this.seen = new Int32Array(unique.length);
    this.pattern = new RegExp(unique.map(termPattern).join('|'), 'g');
  }

  /** Distinct terms found in `text`, which must already be normalised (see normaliseText). */
  count(text: string): number {
    this.stamp = nextStamp(this.stamp, this.seen);
    let hits = 0;
    this.pattern.lastIndex = 0;
    for (let found = this.pattern.exec(text); found; found = this.pattern.exec(text)) {
      // Exactly one group (the term that matched) is defined.
      for (let group = 1; group <= this.termCount; group++) {
        if (found[group] === undefined) continue;
        if (this.seen[group - 1] !== this.stamp) {
          this.seen[group - 1] = this.stamp;
          hits++;
        }
        break;
      }
    }
    return hits;
  }
}
