import { describe, expect, it } from 'vitest';
import type { ListingForDetection, ProductForDetection } from './features';
import { KeywordAutomaton } from './keyword-automaton';
import { ProductMatcher } from './product-matcher';

function product(
  id: string,
  brandId: string,
  keywords: string[],
  category = 'handbags',
): ProductForDetection {
  return {
    id,
    brandId,
    name: keywords.slice(0, 3).join(' '),
    keywords,
    msrpCents: 100_00,
    currency: 'USD',
    category,
    imageHashes: [],
  };
}

const quenbyAtlasTote = product('quenby-atlas-tote', 'quenby', [
  'Quenby',
  'Atlas',
  'leather tote',
  '真皮托特包',
  '昆比',
]);
const aureliaSereneTote = product('aurelia-serene-tote', 'aurelia', [
  'Aurelia',
  'Serene',
  'leather tote',
  '真皮托特包',
  '奥蕾莉亚',
]);
const aureliaNovaWallet = product('aurelia-nova-wallet', 'aurelia', [
  'Aurelia',
  'Nova',
  'bifold wallet',
  '短款钱包',
  '奥蕾莉亚',
]);
const velorianNovaLipstick = product(
  'veloria-nova-lipstick',
  'veloria',
  ['Veloria', 'Nova', 'lipstick', '口红', '薇洛莉雅'],
  'beauty',
);
const PRODUCTS = [quenbyAtlasTote, aureliaSereneTote, aureliaNovaWallet, velorianNovaLipstick];

const listing = (title: string): ListingForDetection => ({
  title,
  priceCents: 10_00,
  currency: 'USD',
  category: 'handbags',
  imageHashes: [],
});
const matcher = new ProductMatcher(PRODUCTS);
const matchOf = (title: string) => matcher.match(listing(title));

describe('ProductMatcher', () => {
  it('picks the product with the most keywords in the title, across brands', () => {
    expect(matchOf('Aurelia Serene Leather Tote replica 1:1')).toEqual({
      product: aureliaSereneTote,
      keywordMatch: 3 / 5,
    });
    expect(matchOf('Veloria Nova lipstick')).toEqual({ product: velorianNovaLipstick, keywordMatch: 3 / 5 });
    expect(matchOf('Quenby Atlas leather tote 昆比 真皮托特包')).toEqual({
      product: quenbyAtlasTote,
      keywordMatch: 1,
    });
  });

  it('matches Chinese titles, which have no spaces between words', () => {
    expect(matchOf('高仿奥蕾莉亚真皮托特包 1:1 原单品质')).toEqual({
      product: aureliaSereneTote,
      keywordMatch: 2 / 5,
    });
    expect(matchOf('奥蕾莉亚Nova短款钱包复刻版')).toEqual({
      product: aureliaNovaWallet,
      keywordMatch: 3 / 5,
    });
  });

  it('ignores case and full-width forms', () => {
    expect(matchOf('AURELIA serene LEATHER tote')?.product).toBe(aureliaSereneTote);
    expect(matchOf('ＡＵＲＥＬＩＡ　Ｓｅｒｅｎｅ')).toEqual({
      product: aureliaSereneTote,
      keywordMatch: 2 / 5,
    });
  });

  it('breaks a tie in favour of the product whose brand matched, then the earlier product', () => {
    // One keyword each: "atlas" for Quenby's tote (listed first), "aurelia" for both Aurelia products.
    expect(matchOf('Aurelia Atlas')?.product).toBe(aureliaSereneTote);
    // The brand's Chinese name counts as a brand keyword: every product of the brand has it.
    expect(matchOf('奥蕾莉亚 atlas')?.product).toBe(aureliaSereneTote);
    // No brand keyword at all: the earlier product.
    expect(matchOf('Serene 真皮托特包 Atlas')?.product).toBe(quenbyAtlasTote);
  });

  it('needs a distinctive keyword: words several brands list say nothing about whose goods they are', () => {
    expect(matchOf('leather tote')).toBeNull();
    expect(matchOf('真皮托特包 特价')).toBeNull();
    expect(matchOf('Nova')).toBeNull();
    expect(matchOf('Quenby leather tote')?.product).toBe(quenbyAtlasTote);
    expect(matchOf('Veloria Nova')?.product).toBe(velorianNovaLipstick);
  });

  it('matches Latin keywords as whole words only', () => {
    expect(matchOf('Innovation desk lamp')).toBeNull();
    expect(matchOf('Lipsticks and more')).toBeNull();
    expect(matchOf('Serene-style lamp')?.product).toBe(aureliaSereneTote);
  });

  it('returns null when nothing matches', () => {
    expect(matchOf('Handcrafted Granite Chair')).toBeNull();
    expect(matchOf('')).toBeNull();
    expect(new ProductMatcher([]).match(listing('Aurelia'))).toBeNull();
  });

  it('ignores keywords shorter than two characters and counts repeated keywords once', () => {
    const short = product('short', 'short-brand', ['x', 'Y', '钱', 'Zenith']);
    const shortMatcher = new ProductMatcher([short]);
    expect(shortMatcher.match(listing('x Y 钱'))).toBeNull();
    expect(shortMatcher.match(listing('x zenith ZENITH'))).toEqual({ product: short, keywordMatch: 1 });
  });

  it('finds keywords that overlap in the title', () => {
    const halvard = product('halvard', 'halvard', ['Halvard Audio', 'audio pro', 'Pro Max']);
    expect(new ProductMatcher([halvard]).match(listing('Halvard Audio Pro Max'))).toEqual({
      product: halvard,
      keywordMatch: 1,
    });
  });

  it('gives the same answer however many times it is asked', () => {
    for (let i = 0; i < 3; i++) {
      expect(matchOf('Aurelia Serene Leather Tote')?.product).toBe(aureliaSereneTote);
      expect(matchOf('Veloria lipstick')?.product).toBe(velorianNovaLipstick);
    }
  });
});

describe('KeywordAutomaton', () => {
  it('reports every occurrence, nested and overlapping ones included', () => {
    const automaton = new KeywordAutomaton(['he', 'she', 'his', 'hers', '奥蕾', '蕾莉亚']);
    const found: [string, number][] = [];
    automaton.scan('ushers 奥蕾莉亚', (keyword, end) => found.push([automaton.keywords[keyword]!, end]));
    expect(found).toEqual([
      ['she', 3],
      ['he', 3],
      ['hers', 5],
      ['奥蕾', 8],
      ['蕾莉亚', 10],
    ]);
  });
});
