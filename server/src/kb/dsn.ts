// DSN `Action:` values (RFC 3464 s2.3.3) and the status classes expected with
// each; derived expectations are marked in `basis` and only ever warn.

import type { DsnActionEntry } from './types';

export const DSN_ACTIONS: readonly DsnActionEntry[] = [
  {
    action: 'failed', meaning: 'could not be delivered; attempts abandoned', expectedClasses: [5, 4], usually: false, terminal: true,
    basis: 'RFC 3464 s2.3.3 NOTE: a 4 status may accompany failed (transient condition persisted until abandonment); 5 by RFC 3463 s2 class meaning',
  },
  {
    action: 'delayed', meaning: 'not yet delivered/relayed; will keep trying', expectedClasses: [4], usually: false, terminal: false,
    basis: 'derived: RFC 3463 s2 class 4 (delay/abandonment of a temporary condition); RFC 3464 s2.3.3 NOTE example uses 4 with delayed',
  },
  {
    action: 'delivered', meaning: 'successfully delivered to the recipient address', expectedClasses: [2], usually: false, terminal: true,
    basis: 'derived: RFC 3463 s2 class 2 = positive delivery action (not stated per action in RFC 3464)',
  },
  {
    action: 'relayed', meaning: 'relayed/gatewayed into an environment that will not send success DSNs', expectedClasses: [2], usually: true, terminal: true,
    basis: 'derived; RFC 3464 s2.3.3 NOTE shows a relayed DSN may carry the same non-2 status as a failed one when relaying involved loss of information',
  },
  {
    action: 'expanded', meaning: 'delivered to a multi-recipient alias and forwarded onward', expectedClasses: [2], usually: false, terminal: false,
    basis: 'derived: RFC 3463 s2 class 2 (not stated per action in RFC 3464)',
  },
];
