// Provider knowledge that decides a reason: a token the answering provider writes, or its
// own meaning of the enhanced code. Read before the generic phrase rules.
import { PROVIDERS, vendorCodes, vendorTokens } from '../kb';
import type { BounceReason, VendorToken } from '../kb/types';
import type { Code } from './codes';

/** The first token of the answering provider that occurs in `lower` (lower-cased reply text). */
export function providerToken(provider: string | undefined, lower: string): VendorToken | undefined {
  if (provider === undefined) return undefined;
  return vendorTokens.find((token) => token.provider === provider && lower.includes(token.token.toLowerCase()));
}

/** The reason the answering provider's dictionary gives this code (and reply, when the row names one). */
export function providerCodeReason(provider: string | undefined, code: Code | undefined, reply: number | undefined): BounceReason | undefined {
  const vendor = PROVIDERS.find((p) => p.id === provider)?.vendor;
  if (vendor === undefined || code === undefined) return undefined;
  const { cls, subject, detail } = code;
  return vendorCodes[vendor].find((row) => row.reason !== undefined && row.cls === cls && row.subject === subject
    && detail >= row.detailFrom && detail <= row.detailTo && (reply === undefined || row.replies.length === 0 || row.replies.includes(reply)))?.reason;
}
