// Provider knowledge that decides a reason: a token only one provider writes, with the
// reason its meaning implies. Looked up before the generic phrase rules.
import { vendorTokens } from '../kb';
import type { VendorToken } from '../kb/types';

/** The first token of the answering provider that occurs in `lower` (lower-cased reply text). */
export function providerToken(provider: string | undefined, lower: string): VendorToken | undefined {
  if (provider === undefined) return undefined;
  return vendorTokens.find((token) => token.provider === provider && lower.includes(token.token.toLowerCase()));
}
