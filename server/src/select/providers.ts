// Mailbox providers a postmaster filters by, recognised by the domains of their mail hosts and
// addresses as they appear in log lines (MX names, relay names, recipient addresses).
export type ProviderId = 'google' | 'microsoft' | 'yahoo' | 'apple';

export const PROVIDER_DOMAINS: Readonly<Record<ProviderId, readonly string[]>> = {
  google: ['google.com', 'googlemail.com', 'gmail.com'],
  microsoft: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'office365.com'],
  yahoo: ['yahoo.com', 'yahoodns.net', 'aol.com', 'ymail.com'],
  apple: ['icloud.com', 'me.com', 'mac.com'],
};

export const PROVIDERS = Object.keys(PROVIDER_DOMAINS) as ProviderId[];
