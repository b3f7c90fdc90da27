// Provider knowledge: who answered, from the relay host and from wording only that provider
// writes (never from the recipient's domain), and every vendor entry's source and date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { classifyFailure, detectProvider, providerOfHost } from '../../server/src/classify';
import { PROVIDERS, VENDOR_IDS, vendorCodes, vendorTokens } from '../../server/src/kb';

test('every provider is found from one of its relay hosts; the longest suffix wins', () => {
  const hosts: Record<string, string> = {
    google: 'gmail-smtp-in.l.google.com',
    microsoft365: 'example-com.mail.protection.outlook.com',
    outlook: 'hotmail-com.olc.protection.outlook.com',
    yahoo: 'mx-att.mail.am0.yahoodns.net',
    apple: 'mx02.mail.icloud.com',
    proofpoint: 'mx0b-00123456.pphosted.com',
    mimecast: 'us-smtp-inbound-2.mimecast.com',
    barracuda: 'd123456a.ess.barracudanetworks.com',
    cisco: 'esa1.example.iphmx.com',
    gmx: 'mx00.emig.gmx.net',
    tonline: 'mx03.t-online.de',
    orange: 'smtp-in.orange.fr',
    mailru: 'mxs.mail.ru',
    yandex: 'mx.yandex.ru',
    zoho: 'mx.zoho.eu',
    qq: 'mx3.qq.com',
    comcast: 'mx1a1.comcast.net',
    cox: 'cxr.mx.a.cloudfilter.net.cox.net',
  };
  assert.deepEqual(Object.keys(hosts).sort(), PROVIDERS.map((p) => p.id).sort(), 'one sample host per provider');
  for (const [id, host] of Object.entries(hosts)) assert.equal(providerOfHost(host)?.id, id, host);
  assert.equal(providerOfHost('GMAIL-SMTP-IN.L.GOOGLE.COM.')?.id, 'google', 'case and a trailing dot do not matter');
  assert.equal(providerOfHost('mail.notgoogle.com'), undefined);
  assert.equal(providerOfHost('google.com.example.net'), undefined);
});

test('without a known host, the reply text names the provider: its tokens and its own wording', () => {
  const text = (t: string) => detectProvider(undefined, t)?.id;
  assert.equal(text('421 4.7.0 [TSS04] Messages from 203.0.113.9 temporarily deferred'), 'yahoo');
  assert.equal(text('550 5.7.1 Unfortunately, messages from [203.0.113.9] weren\'t sent. Please contact your Internet service provider since part of their network is on our block list (S3150).'), 'outlook');
  assert.equal(text('550 5.1.1 The email account that you tried to reach does not exist. - gsmtp'), 'google');
  assert.equal(text('554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137'), 'apple');
  assert.equal(text('554-gmx.net (mxgmx104) Nemesis ESMTP Service not available'), 'gmx');
  assert.equal(text('554 cmsmtp blocked. Refer to Error Codes section at https://www.cox.com/ for more information. AUP#CXBL'), 'cox');
  assert.equal(text('550 5.7.1 Service unavailable; client [203.0.113.9] blocked using BL000000'), 'comcast');
  assert.equal(text('421 mwinf5c11 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104]'), 'orange');
  assert.equal(text('[BL2NAM02FT061.eop-nam02.prod.protection.outlook.com]'), 'microsoft365');
});

test('the recipient\'s domain never names the provider: Apple mail behind Proofpoint, a business domain behind Microsoft 365', () => {
  const apple = classifyFailure({ reply: 554, enhanced: '5.7.1', text: '<someone@icloud.com>: Blocked - see https://ipcheck.proofpoint.com/?ip=203.0.113.9', remoteHost: 'mx0a-00000000.pphosted.com' });
  assert.equal(apple.provider, 'proofpoint');
  assert.equal(apple.reason, 'blocked');
  const business = classifyFailure({ reply: 550, enhanced: '5.1.10', text: 'RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', remoteHost: 'example-com.mail.protection.outlook.com' });
  assert.equal(business.provider, 'microsoft365');
  assert.equal(business.reason, 'userunknown', 'Microsoft\'s own 5.1.10, not the registry\'s null-MX meaning');
  assert.equal(classifyFailure({ reply: 550, enhanced: '5.1.1', text: '<x@gmail.com>... User unknown' }).provider, undefined);
});

test('a provider token decides the reason: Outlook.com S3150 is a block of the sending IP, 5.7.515 an authentication failure', () => {
  const blocked = classifyFailure({ reply: 550, enhanced: '5.7.1', text: 'Unfortunately, messages from [203.0.113.9] weren\'t sent ... block list (S3150).', remoteHost: 'outlook-com.olc.protection.outlook.com' });
  assert.deepEqual([blocked.reason, blocked.whoActs, blocked.retry], ['blocked', 'sending-admin', false]);
  const auth = classifyFailure({ reply: 550, enhanced: '5.7.515', text: 'Access denied, sending domain example.org does not meet the required authentication level.', remoteHost: 'outlook-com.olc.protection.outlook.com' });
  assert.equal(auth.reason, 'authfailure');
});

test('every vendor entry says where it comes from: page, URL, date read, official or community', () => {
  const entries = [...VENDOR_IDS.flatMap((id) => vendorCodes[id]), ...vendorTokens];
  assert.ok(entries.length > 150);
  for (const entry of entries) {
    const where = `${entry.vendor} ${'token' in entry ? entry.token : entry.written}`;
    assert.ok(entry.source.title.length > 5, where);
    assert.match(entry.source.url, /^https?:\/\/[a-z0-9.-]+\.[a-z]{2,}\//, where);
    assert.match(entry.source.read, /^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, where);
    assert.equal(typeof entry.source.official, 'boolean', where);
    assert.ok(entry.meaning.length > 15 && /[.]$/.test(entry.meaning), `${where}: a sentence of our own`);
  }
  assert.ok(vendorTokens.some((t) => t.source.official) && vendorTokens.some((t) => !t.source.official), 'both kinds are labelled');
});

test('every vendor id has a setting, a dictionary or tokens, and a provider that uses it', () => {
  for (const id of VENDOR_IDS) {
    assert.ok(vendorCodes[id].length + vendorTokens.filter((t) => t.vendor === id).length > 0, `${id} has entries`);
    assert.ok(PROVIDERS.some((p) => p.vendor === id), `${id} belongs to a provider`);
  }
  for (const p of PROVIDERS) assert.match(p.help?.url ?? '', /^https?:\/\//, `${p.id} has a help page`);
});

test('provider tokens are unique, and each code-like token names only its own provider', () => {
  const seen = new Set<string>();
  for (const t of vendorTokens) {
    assert.ok(!seen.has(t.token.toLowerCase()), `${t.token} listed once`);
    seen.add(t.token.toLowerCase());
    if (t.token.length >= 5 && !t.token.includes(' ')) assert.equal(detectProvider(undefined, `550 ${t.token} refused`)?.id, t.provider, t.token);
  }
});

test('the extension declares one smtpStatus.vendors.<id> setting per dictionary, on by default', () => {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as
    { contributes: { configuration: { properties: Record<string, { type?: string; default?: unknown }> } } };
  const declared = Object.entries(manifest.contributes.configuration.properties).filter(([key]) => key.startsWith('smtpStatus.vendors.'));
  assert.deepEqual(declared.map(([key]) => key.slice('smtpStatus.vendors.'.length)).sort(), [...VENDOR_IDS].sort());
  for (const [key, schema] of declared) assert.deepEqual([schema.type, schema.default], ['boolean', true], key);
});
