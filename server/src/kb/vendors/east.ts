// Mailbox providers of Russia and China: Mail.ru, Yandex and Tencent QQ Mail, plus Zoho Mail.
// Meanings are our own paraphrases of the pages named with each row.
import type { VendorToken } from '../types';
import { page, tokenDictionary } from './tokens';

const mailru = tokenDictionary('mailru', 'Mail.ru', page('Ошибка 550 spam message rejected (errorsmaster.ru)',
  'https://errorsmaster.ru/oshibka-550-spam-message-rejected', 'community'));
const mailruAccount = tokenDictionary('mailru', 'Mail.ru', page('Popular sending errors, with Mail.ru examples (mailout.ru)',
  'https://mailout.ru/2015/09', 'community'));

const yandex = tokenDictionary('yandex', 'Yandex Mail', page('Yandex Mail: the message looks like spam',
  'https://yandex.com/support/mail/bounces/yandex/message-rejected-under-suspicion-of-spam.html?lang=en', 'official'));

const qq = tokenDictionary('qq', 'Tencent QQ Mail', page('QQ SMTP codes (smtp.codes)',
  'https://smtp.codes/qq', 'community'));

const zoho = tokenDictionary('zoho', 'Zoho Mail', page('Zoho SMTP codes (smtp.codes)',
  'https://smtp.codes/zoho', 'community'));

const ASK_RECIPIENT = 'Only the recipient (or their domain\'s admin) can change the filter; ask them by other means.';

export const EAST_TOKENS: readonly VendorToken[] = [
  mailru('spam message rejected', 'spamdetected', 'Mail.ru\'s anti-spam filter judged the message to be spam.', 'Use the support link in the reply, which carries the error code and message id, to ask for a review.'),
  mailruAccount('message sending for this account is disabled', 'rejected', 'Mail.ru stopped sending from the sender\'s own account, usually after a suspected break-in.', 'The sender resets the password or confirms ownership of the mailbox.'),
  yandex('rejected under suspicion of spam', 'spamdetected', 'Yandex judged the content of the message to be spam.', 'Change the content; bulk senders follow Yandex\'s rules for mailing lists.'),
  yandex('blocked by spam statistics', 'blocked', 'Yandex blocks mail from this source for 24 hours because it sent mostly spam.', 'Find and stop the spam source; the block lifts after a day.'),
  qq('Mail content denied', 'spamdetected', 'Many users reported mail with this content as spam.', 'Change the content and check the list\'s consent.'),
  qq('Sender frequency limited', 'speeding', 'The sender went over a QQ sending-rate limit (per hour or per day; the limits are not published).', 'Send more slowly.'),
  qq('Mail is rejected by recipients', 'filtered', 'The recipient blocked the sender or set a filter that refuses the message.', ASK_RECIPIENT),
  qq('Suspected spam sender', 'blocked', 'QQ suspects the sending domain or mail operator of sending spam.', 'Check the domain\'s and IP\'s reputation and the list\'s consent.'),
  zoho('Mailbox delivery restricted by policy', 'filtered', 'The receiving domain\'s filters at Zoho refuse this message.', ASK_RECIPIENT),
  zoho('Mail rejected by destination domain', 'filtered', 'The receiving domain\'s filters at Zoho refuse this message.', ASK_RECIPIENT),
];
