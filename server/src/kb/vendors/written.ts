// Turns a code as a vendor writes it into dictionary rows: '5.7.606-649' is a
// detail range, '5.4.6 or 5.4.14' and '5.7.13 or 135' are alternatives sharing
// one meaning, '421 4.7.28' carries the reply code the vendor sends with it.

import type { BounceReason, SourcePage, StatusClass, VendorCode, VendorId, VendorMeaning } from '../types';

const CODE = /^(?:(\d{3})\s+)?([245])\.(\d{1,3})\.(\d{1,3})(?:-(\d{1,3}))?$/;

function vendorRows(meaning: VendorMeaning): VendorCode[] {
  const [first = '', ...alternatives] = meaning.written.split(' or ');
  const head = CODE.exec(first.trim());
  if (head === null) throw new Error(`unreadable vendor code '${meaning.written}'`);
  const [, reply, cls, subject, detail, detailTo] = head;
  const base = {
    ...meaning,
    cls: Number(cls) as StatusClass,
    subject: Number(subject),
    replies: reply === undefined ? [] : [Number(reply)],
  };
  const rows: VendorCode[] = [{ ...base, detailFrom: Number(detail), detailTo: Number(detailTo ?? detail) }];
  for (const alternative of alternatives) {
    // An alternative is either a whole code or only another detail of the same subject.
    const full = CODE.exec(alternative.trim());
    if (full !== null) {
      rows.push({ ...base, cls: Number(full[2]) as StatusClass, subject: Number(full[3]), detailFrom: Number(full[4]), detailTo: Number(full[5] ?? full[4]) });
    } else if (/^\d{1,3}$/.test(alternative.trim())) {
      rows.push({ ...base, detailFrom: Number(alternative), detailTo: Number(alternative) });
    } else {
      throw new Error(`unreadable vendor code '${meaning.written}'`);
    }
  }
  return rows;
}

/** A row writer for one vendor's page: `(written, meaning, action?, reason?)` -> that code's rows. */
export function dictionary(vendor: VendorId, vendorName: string, source: SourcePage) {
  return (written: string, meaning: string, action?: string, reason?: BounceReason): VendorCode[] =>
    vendorRows({
      vendor, vendorName, written, meaning, source,
      ...(action === undefined ? {} : { action }),
      ...(reason === undefined ? {} : { reason }),
    });
}
