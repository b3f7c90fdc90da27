// Which provider answered: the relay or MX host first, then wording only that provider
// writes. The recipient's domain is never a clue, so e-mail addresses are taken out of the
// text before markers are looked for.
import { PROVIDERS, vendorTokens, type ProviderInfo } from '../kb';

function hostMatches(host: string, pattern: string): boolean {
  return pattern.startsWith('.') ? host.endsWith(pattern) || host === pattern.slice(1) : host === pattern;
}

/** The provider whose longest host pattern matches `host` (lower case, no trailing dot). */
export function providerOfHost(host: string): ProviderInfo | undefined {
  const wanted = host.trim().toLowerCase().replace(/\.$/, '');
  if (wanted === '') return undefined;
  let best: ProviderInfo | undefined;
  let bestLength = 0;
  for (const provider of PROVIDERS) {
    for (const pattern of provider.hosts) {
      if (pattern.length > bestLength && hostMatches(wanted, pattern)) {
        best = provider;
        bestLength = pattern.length;
      }
    }
  }
  return best;
}

/** A word that is only a code, or the code prefix a continued reply line repeats: `550`, `550-5.7.1`, `(#5.1.1)`. */
const CODE_WORD = /^\(?#?(?:[2-5]\d\d-?|(?:[2-5]\d\d-)?[245]\.\d{1,3}\.\d{1,3}\)?)$/;

/**
 * The text as phrases are looked for in it: lower-cased, blanks collapsed, without e-mail
 * addresses (an address names a domain, not who answered or why) and without codes (a
 * joined multi-line reply repeats them in mid-sentence).
 */
export function normalized(text: string): string {
  // One failure's text is read up to three times (reason, provider, token): the last answer is kept.
  if (text !== lastNormalized.text) lastNormalized = { text, lower: text.split(/\s+/).filter((word) => !CODE_WORD.test(word)).map(withoutAddress).join(' ').toLowerCase() };
  return lastNormalized.lower;
}

let lastNormalized = { text: '', lower: '' };

/** Characters that end an address inside a word: `from:<a@b>,` keeps `from:`. */
const ADDRESS_STOPS = '<>()[]{}:;,"\'';

/** A word with its e-mail address cut out (`from:<a@b.example>` -> `from:`). */
function withoutAddress(word: string): string {
  const at = word.indexOf('@');
  if (at < 0) return word;
  let from = at;
  while (from > 0 && !ADDRESS_STOPS.includes(word[from - 1]!)) from--;
  let to = at + 1;
  while (to < word.length && !ADDRESS_STOPS.includes(word[to]!)) to++;
  return withoutAddress(word.slice(0, from).replace(/<$/, '') + word.slice(to).replace(/^>/, ''));
}

/** Tokens that name their provider by themselves: code-like, one word of five characters or more (`[TSS04]`, `S3150`). */
const NAMING_TOKENS = vendorTokens.filter((t) => t.token.length >= 5 && !t.token.includes(' ')).map((t) => ({ provider: t.provider, lower: t.token.toLowerCase() }));

/**
 * The provider that wrote `lower` (lower-cased text without addresses): the owner of a
 * code-like token in it, else the provider whose longest marker occurs in it.
 */
export function providerOfText(lower: string): ProviderInfo | undefined {
  const token = NAMING_TOKENS.find((t) => lower.includes(t.lower));
  if (token !== undefined) return PROVIDERS.find((p) => p.id === token.provider);
  let best: ProviderInfo | undefined;
  let bestLength = 0;
  for (const provider of PROVIDERS) {
    for (const marker of provider.markers) {
      if (marker.length > bestLength && lower.includes(marker)) {
        best = provider;
        bestLength = marker.length;
      }
    }
  }
  return best;
}

/** Who answered: the host when it is known to us, else the text. */
export function detectProvider(remoteHost: string | undefined, text: string): ProviderInfo | undefined {
  return (remoteHost === undefined ? undefined : providerOfHost(remoteHost)) ?? providerOfText(normalized(text));
}
