const NO_OUTPUT: readonly number[] = [];

/**
 * Aho-Corasick over UTF-16 code units: finds every occurrence of every keyword, overlapping ones
 * included, in one pass over the text, however many keywords there are. Chinese has no spaces to
 * split words on, so a substring automaton is the index that works for both languages.
 */
export class KeywordAutomaton {
  private readonly transitions: Map<number, number>[] = [new Map()];
  private readonly fail: Int32Array;
  /** Keyword indices ending at each state, those of its suffix states included. */
  private readonly outputs: (readonly number[])[];

  constructor(readonly keywords: readonly string[]) {
    const outputs: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        const edges = this.transitions[state]!;
        let next = edges.get(code);
        if (next === undefined) {
          next = this.transitions.length;
          edges.set(code, next);
          this.transitions.push(new Map());
          outputs.push([]);
        }
        state = next;
      }
      outputs[state]!.push(index);
    });

    // Breadth-first: a state's failure link points at its longest proper suffix that is also a prefix.
    this.fail = new Int32Array(this.transitions.length);
    const queue: number[] = [...this.transitions[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, next] of this.transitions[state]!) {
        let fallback = this.fail[state]!;
        while (fallback !== 0 && !this.transitions[fallback]!.has(code)) fallback = this.fail[fallback]!;
        const target = this.transitions[fallback]!.get(code);
        this.fail[next] = target !== undefined && target !== next ? target : 0;
        outputs[next]!.push(...outputs[this.fail[next]!]!);
        queue.push(next);
      }
    }
    this.outputs = outputs.map((list) => (list.length === 0 ? NO_OUTPUT : list));
  }

  /** Calls `visit(keywordIndex, endIndex)` for each occurrence; endIndex is that of its last code unit. */
  scan(text: string, visit: (keyword: number, end: number) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let next = this.transitions[state]!.get(code);
      while (next === undefined && state !== 0) {
        state = this.fail[state]!;
        next = this.transitions[state]!.get(code);
      }
      state = next ?? 0;
      const found = this.outputs[state]!;
      for (let k = 0; k < found.length; k++) visit(found[k]!, i);
    }
  }
}
