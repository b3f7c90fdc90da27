// Plain phrases looked for in lower-cased text, many at once: one regex of their alternatives
// in priority order, run from every position where one of them starts (so overlapping phrases
// are all seen). At a position the regex takes the first alternative that matches, which is the
// phrase of highest priority there; the answers below are therefore those of trying every phrase
// with `includes` or `lastIndexOf` in order, in one native pass instead of one per phrase.

const escaped = (phrase: string): string => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class PhraseSet<T> {
  private readonly pattern: RegExp;
  /** Each phrase's value and priority (its first place in the list). */
  private readonly entries = new Map<string, { readonly value: T; readonly priority: number }>();

  /** `phrases` in priority order, each with its value. */
  constructor(phrases: readonly (readonly [string, T])[]) {
    phrases.forEach(([phrase, value], priority) => {
      if (!this.entries.has(phrase)) this.entries.set(phrase, { value, priority });
    });
    this.pattern = new RegExp([...this.entries.keys()].map(escaped).join('|'), 'g');
  }

  /** The value of the phrase of highest priority that occurs in `text`. */
  first(text: string): T | undefined {
    let best: { readonly value: T; readonly priority: number } | undefined;
    this.each(text, (entry) => {
      if (best === undefined || entry.priority < best.priority) best = entry;
    });
    return best?.value;
  }

  /** The value of the phrase that occurs last in `text` (at one place, the one of highest priority). */
  last(text: string): T | undefined {
    let found: T | undefined;
    this.each(text, (entry) => {
      found = entry.value;
    });
    return found;
  }

  /** Each place where a phrase starts, left to right, with the phrase of highest priority there. */
  private each(text: string, visit: (entry: { readonly value: T; readonly priority: number }) => void): void {
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      visit(this.entries.get(match[0])!);
      pattern.lastIndex = match.index + 1;
    }
  }
}
