// Row writers shared by the vendor files: where an entry was read (`page`), and the tokens a
// provider puts into its reply text (`[TSS04]`, `S3150`, `AUP#CXBL`) rather than a status code.
import type { BounceReason, ProviderId, SourcePage, VendorId, VendorToken } from '../types';

/** The day the entries without a dated page were read from the stored copies. */
const READ = '2026-12-03';

/** A source page: official when the provider wrote it, community otherwise. */
export function page(title: string, url: string, standing: 'official' | 'community', read = READ): SourcePage {
  return { title, url, read, official: standing === 'official' };
}

/** The settings dictionary a provider's knowledge lives in (Microsoft 365's is `microsoft`). */
export function vendorOf(provider: ProviderId): VendorId {
  return provider === 'microsoft365' ? 'microsoft' : provider;
}

/** `(token, reason, meaning, action?)` -> one token row of `provider`, read on `source`. */
export function tokenDictionary(provider: ProviderId, vendorName: string, source: SourcePage) {
  return (token: string, reason: BounceReason, meaning: string, action?: string): VendorToken =>
    ({ provider, vendor: vendorOf(provider), vendorName, token, reason, meaning, source, ...(action === undefined ? {} : { action }) });
}
