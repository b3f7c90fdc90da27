// A row writer for provider tokens: codes a provider puts into its reply text
// (`[TSS04]`, `S3150`, `AUP#CXBL`) rather than an enhanced status code.
import type { BounceReason, ProviderId, SourcePage, VendorToken } from '../types';

/** `(token, reason, meaning, action?)` -> one token row of `provider`, read on `source`. */
export function tokenDictionary(provider: ProviderId, source: SourcePage) {
  return (token: string, reason: BounceReason, meaning: string, action?: string): VendorToken =>
    ({ provider, token, reason, meaning, source, ...(action === undefined ? {} : { action }) });
}
