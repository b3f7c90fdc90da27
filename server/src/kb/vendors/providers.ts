// Who answered: the mail providers we can tell apart by the relay or MX host that replied
// and by wording only they write. Never by the recipient's domain: many domains sit behind
// another company's filter (Proofpoint, Mimecast, Microsoft 365), and some consumer domains
// moved to another provider's servers (Comcast and AT&T mail runs on Yahoo's).
import type { HelpPage, ProviderId, ProviderInfo } from '../types';
import { vendorOf } from './tokens';

const provider = (id: ProviderId, name: string, hosts: readonly string[], markers: readonly string[], help?: HelpPage): ProviderInfo =>
  ({ id, name, hosts, markers, vendor: vendorOf(id), ...(help === undefined ? {} : { help }) });

/**
 * Host suffixes match a whole label sequence (`.google.com` matches `aspmx.l.google.com`);
 * the longest matching suffix wins, so Outlook.com's `.olc.protection.outlook.com` beats
 * Microsoft 365's `.protection.outlook.com`. Markers are lower-case phrases of reply text,
 * looked for after e-mail addresses are taken out (an address names a domain, not who answered).
 */
export const PROVIDERS: readonly ProviderInfo[] = [
  provider('google', 'Google (Gmail / Google Workspace)', ['.google.com', '.googlemail.com', '.gmail.com'],
    ['gsmtp', 'support.google.com/mail', 'support.google.com/a/'],
    { title: 'Google sender guidelines', url: 'https://support.google.com/a/answer/81126' }),
  provider('microsoft365', 'Microsoft 365 / Exchange Online', ['.protection.outlook.com', '.prod.outlook.com', '.outlook.com', '.office365.com'],
    ['protection.outlook.com', 'prod.outlook.com', 'exchange online', 'microsoft 365', 'office 365', 'resolver.adr.'],
    { title: 'Microsoft 365 delist portal', url: 'https://sender.office.com/' }),
  provider('outlook', 'Outlook.com (consumer: Hotmail, Live, MSN)', ['.olc.protection.outlook.com', '.hotmail.com', '.live.com', '.msn.com', 'hotmail.com', 'outlook.com'],
    ['olc.protection.outlook.com', 'sendersupport.olc', 'hotmail', 'outlook.com'],
    { title: 'Outlook.com sender support', url: 'https://sendersupport.olc.protection.outlook.com/pm/' }),
  provider('yahoo', 'Yahoo / AOL (also Comcast and AT&T consumer mail)', ['.yahoodns.net', '.yahoo.com', '.yahoo.net', '.aol.com', '.aim.com'],
    ['yahoo', 'yahooinc', 'verizonmedia', ' aol ', 'delivery error: dd '],
    { title: 'Yahoo Sender Hub', url: 'https://senders.yahooinc.com/' }),
  provider('apple', 'Apple iCloud Mail', ['.mail.icloud.com', '.icloud.com', '.me.com', '.mac.com'],
    ['icloud', 'support.apple.com/en-us/ht204137'],
    { title: 'Apple: postmaster information for iCloud Mail', url: 'https://support.apple.com/en-us/HT204137' }),
  provider('proofpoint', 'Proofpoint', ['.pphosted.com', '.ppe-hosted.com', '.proofpoint.com', '.ppops.net'],
    ['proofpoint', 'pphosted'],
    { title: 'Proofpoint dynamic reputation lookup and removal', url: 'https://ipcheck.proofpoint.com/' }),
  provider('mimecast', 'Mimecast', ['.mimecast.com', '.mimecast.co.za', '.mimecast-offshore.com'],
    ['mimecast'],
    { title: 'Mimecast SMTP error codes', url: 'https://mimecastsupport.zendesk.com/hc/en-us/articles/34000709564691-Policies-Mimecast-SMTP-Error-Codes' }),
  provider('barracuda', 'Barracuda', ['.barracudanetworks.com', '.barracuda.com', '.cudamail.com'],
    ['barracuda'],
    { title: 'Barracuda Central (reputation lookup)', url: 'https://www.barracudacentral.org/' }),
  provider('cisco', 'Cisco Secure Email (IronPort)', ['.iphmx.com', '.ironport.com'],
    ['iphmx', 'ironport', 'senderbase', 'talosintelligence'],
    { title: 'Cisco: senders with a poor SenderBase reputation', url: 'https://cisco.com/c/en/us/support/docs/security/email-security-appliance/200436-Identify-and-allow-poor-SenderBase-Reput.html' }),
  provider('gmx', 'GMX / WEB.DE (United Internet)', ['.gmx.net', '.gmx.de', '.gmx.com', '.web.de', '.mail.com', '.ui-mx.com'],
    ['gmx.net', 'web.de', 'nemesis esmtp', 'postmaster.gmx', 'postmaster.web.de'],
    { title: 'GMX postmaster: error messages', url: 'https://postmaster.gmx.com/en/error-messages' }),
  provider('tonline', 'Telekom T-Online', ['.t-online.de'],
    ['t-online', 'telekom'],
    { title: 'T-Online postmaster', url: 'https://postmaster.t-online.de/index.en.html' }),
  provider('orange', 'Orange (orange.fr, wanadoo.fr)', ['.orange.fr', '.wanadoo.fr', '.orange.com'],
    ['orange.fr', 'wanadoo', 'postmaster.orange'],
    { title: 'Orange postmaster', url: 'https://postmaster.orange.fr/' }),
  provider('mailru', 'Mail.ru', ['.mail.ru'],
    ['mail.ru', 'postmaster.mail.ru'],
    { title: 'Mail.ru postmaster', url: 'https://postmaster.mail.ru/' }),
  provider('yandex', 'Yandex Mail', ['.yandex.ru', '.yandex.net', '.yandex.com'],
    ['yandex'],
    { title: 'Yandex Mail: the message looks like spam', url: 'https://yandex.com/support/mail/bounces/yandex/message-rejected-under-suspicion-of-spam.html?lang=en' }),
  provider('zoho', 'Zoho Mail', ['.zoho.com', '.zoho.eu', '.zoho.in', '.zohomail.com'],
    ['zoho'],
    { title: 'Zoho SMTP codes (smtp.codes)', url: 'https://smtp.codes/zoho' }),
  provider('qq', 'Tencent QQ Mail / Exmail', ['.qq.com'],
    ['qq.com', 'tencent'],
    { title: 'QQ SMTP codes (smtp.codes)', url: 'https://smtp.codes/qq' }),
  provider('comcast', 'Comcast (legacy Comcast servers)', ['.comcast.net'],
    ['comcast'],
    { title: 'Comcast mail delivery error codes', url: 'http://postmaster.comcast.net/mail-error-codes.html' }),
  provider('cox', 'Cox', ['.cox.net', '.cox.com'],
    ['cox.net', 'cox.com'],
    { title: 'Cox postmaster: error codes', url: 'http://postmaster.cox.net/confluence/display/postmaster/Error+Codes' }),
];
