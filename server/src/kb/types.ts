// Types of the knowledge base: the IANA enhanced-status-code registry, the
// basic reply codes of RFC 5321 and its extensions, DSN actions, and vendor
// dictionaries. Data only; lookups live in ./index.ts.


/** A vendor dictionary that settings can turn on or off (`smtpStatus.vendors.<id>`). */
export type VendorId = 'microsoft' | 'google' | 'outlook' | 'yahoo' | 'apple' | 'proofpoint' | 'mimecast' | 'barracuda'
  | 'cisco' | 'gmx' | 'tonline' | 'orange' | 'mailru' | 'yandex' | 'zoho' | 'qq' | 'comcast' | 'cox';

/** A mail provider we can recognise by the host that answered or the text it wrote. */
export type ProviderId = 'google' | 'microsoft365' | 'outlook' | 'yahoo' | 'apple' | 'proofpoint' | 'mimecast'
  | 'barracuda' | 'cisco' | 'gmx' | 'tonline' | 'orange' | 'mailru' | 'yandex' | 'zoho' | 'qq' | 'comcast' | 'cox';

/** Why a delivery failed, in Sisimai's reason names (so results compare with other tools). */
export type BounceReason = 'userunknown' | 'mailboxfull' | 'hostunknown' | 'blocked' | 'spamdetected'
  | 'policyviolation' | 'expired' | 'rejected' | 'toomanyconn' | 'speeding' | 'securityerror'
  | 'authfailure' | 'norelaying' | 'mesgtoobig' | 'systemerror' | 'networkerror' | 'suspend'
  | 'hasmoved' | 'notaccept' | 'contenterror' | 'exceedlimit' | 'filtered' | 'mailererror'
  | 'systemfull' | 'syntaxerror' | 'virusdetected' | 'badreputation' | 'requireptr' | 'notcompliantrfc'
  | 'failedstarttls' | 'undefined';

/** Where a vendor meaning was read: the page, the day, and whether the provider wrote it. */
export interface SourcePage {
  readonly title: string;
  readonly url: string;
  /** The page's own date when it states one, else the day we read it (YYYY-MM-DD). */
  readonly read: string;
  /** True for the provider's own documentation; false for community knowledge. */
  readonly official: boolean;
}

/** A token only one provider writes in its replies (`[TSS04]`, `S3150`, `AUP#CXBL`), and what it means. */
export interface VendorToken extends Omit<VendorMeaning, 'written' | 'reason'> {
  readonly provider: ProviderId;
  /** As the provider writes it; tokens of five characters or more also name the provider. */
  readonly token: string;
  /** The reason a classifier gives a failure carrying it. */
  readonly reason: BounceReason;
}

/** A page to read: a provider's delist form or sender-support page. */
export interface HelpPage {
  readonly title: string;
  readonly url: string;
}

/** How a provider is recognised, and where a sender gets help from it. */
export interface ProviderInfo {
  readonly id: ProviderId;
  readonly name: string;
  /** Host suffixes (`.google.com`) or whole host names of its relays and MX hosts. */
  readonly hosts: readonly string[];
  /** Lower-case phrases only this provider writes in its replies. */
  readonly markers: readonly string[];
  /** The dictionary that holds its codes and tokens (`smtpStatus.vendors.<id>`). */
  readonly vendor: VendorId;
  /** Its delist form or sender-support page. */
  readonly help?: HelpPage;
}

/** The class digit of an enhanced status code (RFC 3463 s2). */
export type StatusClass = 2 | 4 | 5;

/** What RFC 3463 s3 says about the class a code may be used with (rules.md s2). */
export type Permanence =
  | 'permanent'
  | 'persistent-transient'
  | 'both'
  | 'success'
  | 'success-or-permanent'
  | 'any'
  | 'unspecified'
  | 'n/a';

/** Who has to do something about a status. */
export type Actor = 'nobody' | 'sender' | 'sending-admin' | 'recipient' | 'recipient-admin';

/** Whether sending again can help. */
export type RetryAdvice = 'not-needed' | 'automatic' | 'after-change' | 'no';

/** A citable place in an RFC, e.g. { rfc: 3463, section: '3.2' }. */
export interface RfcRef {
  readonly rfc: number;
  readonly section?: string;
}

/** Our own explanation of a code, written for the people who read logs. */
export interface Advice {
  /** One or two sentences: what happened, in plain words. */
  readonly meaning: string;
  readonly retry: RetryAdvice;
  /** Who must act, most important first. */
  readonly actors: readonly Actor[];
  /** What that person should do. */
  readonly action: string;
  readonly see: readonly RfcRef[];
}

/** SMTP commands (and pseudo-commands) a reply can answer; see basic.csv. */
export type SmtpCommand =
  | 'CONNECT' // the greeting sent when the connection opens
  | 'EHLO' | 'HELO' | 'MAIL' | 'RCPT' | 'DATA'
  | 'DATA-END' // the reply after the final <CRLF>.<CRLF>
  | 'RSET' | 'VRFY' | 'EXPN' | 'HELP' | 'NOOP' | 'QUIT'
  | 'AUTH' | 'STARTTLS' | 'ETRN' | 'BDAT';

/** One entry of RFC 5321 s4.3.2's command-reply table: S success, I intermediate, E error. */
export interface CommandReply {
  readonly command: SmtpCommand | 'ANY';
  readonly kind: 'S' | 'I' | 'E';
  /** With `ANY`: the commands the reply does not answer. */
  readonly except?: readonly SmtpCommand[];
}

/** One row of the IANA enhanced-status-code registry (81 rows, 2024-12-06). */
export interface RegistryEntry {
  /** As the registry writes it: 'X.1.1'. */
  readonly key: string;
  readonly subject: number;
  readonly detail: number;
  /** Registry title; empty for X.6.10, which the registry left without one. */
  readonly title: string;
  /** Associated basic codes; [] when the registry gives none (see associatedAnyOf). */
  readonly associatedBasic: readonly number[] | 'any';
  /** Set when the registry writes a wildcard such as '5XX': any reply with this first digit. */
  readonly associatedAnyOf?: StatusClass;
  /** The registry's own text for the associated codes, e.g. '250 or 251'. */
  readonly associatedRaw: string;
  readonly references: readonly string[];
  readonly permanence: Permanence;
  readonly permanenceSource: string;
  /** Who registered the code, and who controls changes to it (registry columns). */
  readonly submitter: string;
  readonly changeController: string;
  /**
   * RFC 3463 Appendix A's title where it differs from the registry's (or says the
   * code is not listed there); empty otherwise. The registry's title wins.
   */
  readonly rfc3463AppendixATitle: string;
  readonly deprecated?: { readonly successor: string; readonly reason: string };
  readonly advice: Advice;
}

/** Registry columns shared by the class and subject sub-registries. */
export interface SubCodeProvenance {
  readonly references: readonly string[];
  readonly submitter: string;
  readonly changeController: string;
}

export interface SubjectEntry extends SubCodeProvenance {
  readonly subject: number;
  readonly title: string;
  /** What a class-2 code of this subject reports, in our words: RFC 3463 s3 describes the failures only. */
  readonly succeeded: string;
  /** What a failure of this subject means (class 4 or 5). */
  readonly advice: Advice;
}

export interface ClassEntry extends SubCodeProvenance {
  readonly cls: StatusClass;
  readonly title: string;
  /** Reply codes this class must go with inside SMTP replies (RFC 2034 s4), e.g. '5yz'. */
  readonly replyFirstDigit: string;
  readonly advice: Advice;
}

/** A basic three-digit reply code (basic.csv, 44 rows). */
export interface BasicEntry {
  readonly code: number;
  readonly meaning: string;
  readonly references: readonly string[];
  /** Which commands it validly answers; [] when no standard text says. */
  readonly answers: readonly CommandReply[];
  readonly answersSource: string;
  readonly notes: string;
  readonly advice: Advice;
}

export type DigitPosition = 'first' | 'second' | 'third';

/** What one digit position of a basic reply code means (RFC 5321 s4.2.1). */
export interface ReplyDigitEntry {
  readonly position: DigitPosition;
  /** A digit, or a range such as '0-9' for the third position. */
  readonly value: string;
  readonly name: string;
  readonly meaning: string;
  readonly reference: string;
}

export type DsnAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

/** A DSN `Action:` value and the status classes expected with it (RFC 3464 s2.3.3). */
export interface DsnActionEntry {
  readonly action: DsnAction;
  readonly meaning: string;
  readonly expectedClasses: readonly StatusClass[];
  /** True when the expected class only usually holds ('relayed'). */
  readonly usually: boolean;
  /** Whether the class expectation is stated by the RFC or derived. */
  readonly basis: string;
  readonly terminal: boolean;
}

/** A vendor's own use of a code, kept apart from the standard meaning. */
export interface VendorMeaning {
  readonly vendor: VendorId;
  readonly vendorName: string;
  /** As the vendor writes it: '5.7.606-649', '5.4.6 or 5.4.14', '421 4.7.28'. */
  readonly written: string;
  /** Our own short paraphrase. */
  readonly meaning: string;
  /** What to do, in our words, when the vendor's page suggests something specific. */
  readonly action?: string;
  /** The page the entry comes from, when it was read, and whether the vendor wrote it. */
  readonly source: SourcePage;
  /** The bounce reason this meaning implies, where it differs from what the words alone would say. */
  readonly reason?: BounceReason;
}

/** One vendor dictionary row: a code or a detail range within one class and subject. */
export interface VendorCode extends VendorMeaning {
  readonly cls: StatusClass;
  readonly subject: number;
  readonly detailFrom: number;
  readonly detailTo: number;
  /** Basic reply codes the vendor sends with it, when the page says. */
  readonly replies: readonly number[];
}
