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

/** A word that is only the repeated code prefix of a continued reply line: `550-5.7.1`, `550-`. */
const REPLY_PREFIX = /^[2-5]\d\d-(?:[245]\.\d{1,3}\.\d{1,3})?$/;

/**
 * The text as phrases are looked for in it: lower-cased, blanks collapsed, without e-mail
 * addresses (an address names a domain, not who answered or why) and without the code
 * prefixes a joined multi-line reply repeats in mid-sentence.
 */
export function normalized(text: string): string {
  return text.split(/\s+/).filter((word) => !word.includes('@') && !REPLY_PREFIX.test(word)).join(' ').toLowerCase();
}

/**
 * The provider that wrote `lower` (lower-cased text without addresses): the owner of a token
 * in it, else the provider whose longest marker occurs in it.
 */
export function providerOfText(lower: string): ProviderInfo | undefined {
  const token = vendorTokens.find((t) => lower.includes(t.token.toLowerCase()));
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
