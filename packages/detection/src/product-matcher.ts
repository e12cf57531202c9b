import type { ListingForDetection, ProductForDetection } from './features';
import { KeywordAutomaton } from './keyword-automaton';
import { isWordCharAt, needsBoundary, nextStamp, normaliseText } from './text';

/** Keywords shorter than this (after normalisation) match too much to mean anything. */
const MIN_KEYWORD_LENGTH = 2;

export interface ProductMatch {
  product: ProductForDetection;
  /** Share of the product's keywords found in the title, in (0, 1]. */
  keywordMatch: number;
}

/**
 * Built once per scan over all protected products; finds the product a listing most resembles: the one
 * with the most of its keywords in the title, ties going to the product whose brand keyword matched,
 * then to the earlier product.
 *
 * Brand keywords are each product's first keyword (the brand name, as products are written) and any
 * keyword that every product of the same brand shares (the brand's name in other languages). All
 * keywords match case-insensitively, Latin ones as whole words ("nova" is not in "innovation").
 *
 * A listing resembles a product only when at least one matched keyword is distinctive, used by a single
 * brand: a generic word several brands list ("handbag", 纯棉T恤) says nothing about whose goods they are,
 * and matching on it alone flagged every cheap unbranded T-shirt as a cut-price counterfeit.
 */
export class ProductMatcher {
  private readonly products: readonly ProductForDetection[];
  private readonly automaton: KeywordAutomaton;
  /** Per keyword: its products, and whether it is a brand keyword of each. */
  private readonly keywordProducts: (readonly number[])[] = [];
  private readonly keywordIsBrand: (readonly boolean[])[] = [];
  /** Whether a keyword is used by the products of one brand only. */
  private readonly keywordIsDistinctive: boolean[] = [];
  private readonly boundaryBefore: boolean[] = [];
  private readonly boundaryAfter: boolean[] = [];
  private readonly keywordCounts: Int32Array;
  // Scratch state for match(), reused so scoring a listing allocates almost nothing.
  private readonly keywordSeen: Int32Array;
  private readonly hits: number[] = [];
  private readonly matchedCounts: Int32Array;
  private readonly brandMatched: Uint8Array;
  private readonly distinctiveMatched: Uint8Array;
  private readonly touched: number[] = [];
  private stamp = 0;

  constructor(products: readonly ProductForDetection[]) {
    this.products = products;
    const keywordIndex = new Map<string, number>();
    const keywords: string[] = [];
    const productLists: number[][] = [];
    const brandLists: boolean[][] = [];
    this.keywordCounts = new Int32Array(products.length);

    const usableKeywords = products.map((product) => [
      ...new Set(product.keywords.map(normaliseText).filter((k) => k.length >= MIN_KEYWORD_LENGTH)),
    ]);
    const sharedByBrand = brandKeywordsByBrand(products, usableKeywords);

    products.forEach((product, productIndex) => {
      const own = usableKeywords[productIndex]!;
      const first = normaliseText(product.keywords[0] ?? '');
      const shared = sharedByBrand.get(product.brandId);
      this.keywordCounts[productIndex] = own.length;
      for (const keyword of own) {
        let index = keywordIndex.get(keyword);
        if (index === undefined) {
          index = keywords.length;
          keywordIndex.set(keyword, index);
          keywords.push(keyword);
          productLists.push([]);
          brandLists.push([]);
        }
        productLists[index]!.push(productIndex);
        brandLists[index]!.push(keyword === first || (shared?.has(keyword) ?? false));
      }
    });

    productLists.forEach((list) => this.keywordIsDistinctive.push(new Set(list.map((index) => products[index]!.brandId)).size === 1));
    for (const keyword of keywords) {
      this.boundaryBefore.push(needsBoundary(keyword[0]));
      this.boundaryAfter.push(needsBoundary(keyword[keyword.length - 1]));
    }
    this.keywordProducts = productLists;
    this.keywordIsBrand = brandLists;
    this.automaton = new KeywordAutomaton(keywords);
    this.keywordSeen = new Int32Array(keywords.length);
    this.matchedCounts = new Int32Array(products.length);
    this.brandMatched = new Uint8Array(products.length);
    this.distinctiveMatched = new Uint8Array(products.length);
  }

  match(listing: ListingForDetection): ProductMatch | null {
    const text = normaliseText(listing.title);
    this.stamp = nextStamp(this.stamp, this.keywordSeen);
    const stamp = this.stamp;
    const hits = this.hits;
    hits.length = 0;
    this.automaton.scan(text, (keyword, end) => {
      if (this.keywordSeen[keyword] === stamp) return;
      const start = end - this.automaton.keywords[keyword]!.length + 1;
      if (this.boundaryBefore[keyword] && isWordCharAt(text, start - 1)) return;
      if (this.boundaryAfter[keyword] && isWordCharAt(text, end + 1)) return;
      this.keywordSeen[keyword] = stamp;
      hits.push(keyword);
    });
    if (hits.length === 0) return null;

    const touched = this.touched;
    touched.length = 0;
    for (const keyword of hits) {
      const products = this.keywordProducts[keyword]!;
      const brand = this.keywordIsBrand[keyword]!;
      const distinctive = this.keywordIsDistinctive[keyword]!;
      for (let k = 0; k < products.length; k++) {
        const product = products[k]!;
        if (this.matchedCounts[product] === 0) touched.push(product);
        this.matchedCounts[product]!++;
        if (brand[k]) this.brandMatched[product] = 1;
        if (distinctive) this.distinctiveMatched[product] = 1;
      }
    }

    let best = -1;
    for (const product of touched) {
      if (this.distinctiveMatched[product] === 1 && (best < 0 || this.isBetter(product, best))) best = product;
    }
    const keywordMatch = best < 0 ? 0 : this.matchedCounts[best]! / this.keywordCounts[best]!;
    for (const product of touched) {
      this.matchedCounts[product] = 0;
      this.brandMatched[product] = 0;
      this.distinctiveMatched[product] = 0;
    }
    return best < 0 ? null : { product: this.products[best]!, keywordMatch };
  }

  private isBetter(candidate: number, best: number): boolean {
    const byCount = this.matchedCounts[candidate]! - this.matchedCounts[best]!;
    if (byCount !== 0) return byCount > 0;
    const byBrand = this.brandMatched[candidate]! - this.brandMatched[best]!;
    if (byBrand !== 0) return byBrand > 0;
    return candidate < best;
  }
}

/** Keywords every product of a brand shares, for brands with at least two products. */
function brandKeywordsByBrand(
  products: readonly ProductForDetection[],
  usableKeywords: readonly (readonly string[])[],
): Map<string, Set<string>> {
  const byBrand = new Map<string, number[]>();
  products.forEach((product, index) => {
    const list = byBrand.get(product.brandId) ?? [];
    list.push(index);
    byBrand.set(product.brandId, list);
  });
  const shared = new Map<string, Set<string>>();
  for (const [brandId, indices] of byBrand) {
    if (indices.length < 2) continue;
    const [first, ...rest] = indices.map((index) => usableKeywords[index]!);
    const common = new Set(first);
    for (const keywords of rest) {
      const own = new Set(keywords);
      for (const keyword of common) if (!own.has(keyword)) common.delete(keyword);
    }
    shared.set(brandId, common);
  }
  return shared;
}
