// Which classes each registry entry is meant for, and every known code with its title: the
// shared source of completion items and of the `smtpStatus/catalog` request.
import { basicCodes, registry, vendorCodes } from '../service';
import type { Permanence, RegistryEntry, StatusClass } from '../service';
import type { VendorId } from '../service/types';
import type { CatalogEntry } from './protocol';

/** The classes RFC 3463 s3 lets an entry be used with (a class against its wording draws a warning). */
const CLASSES_FOR: Record<Permanence, readonly StatusClass[]> = {
  permanent: [5],
  'persistent-transient': [4],
  both: [4, 5],
  success: [2],
  'success-or-permanent': [2, 5],
  any: [2, 4, 5],
  unspecified: [2, 4, 5],
  'n/a': [2, 4, 5],
};

export function classesFor(entry: RegistryEntry): readonly StatusClass[] {
  return CLASSES_FOR[entry.permanence];
}

export function enhancedCode(cls: StatusClass, entry: RegistryEntry): string {
  return `${cls}.${entry.subject}.${entry.detail}`;
}

const VENDOR_IDS = Object.keys(vendorCodes) as VendorId[];

/** Registry codes in every class they suit, basic reply codes, and every vendor dictionary row. */
export function catalog(): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const entry of registry) {
    for (const cls of classesFor(entry)) entries.push({ code: enhancedCode(cls, entry), title: entry.title, kind: 'enhanced' });
  }
  for (const basic of basicCodes) entries.push({ code: String(basic.code), title: basic.meaning, kind: 'reply' });
  // A vendor range ('5.7.606-649') is listed under its first code, so that every entry can be explained.
  const seen = new Set<string>();
  for (const vendor of VENDOR_IDS) {
    for (const row of vendorCodes[vendor]) {
      const code = `${row.cls}.${row.subject}.${row.detailFrom}`;
      const range = row.detailTo > row.detailFrom ? ` (${code}-${row.detailTo})` : '';
      const title = `${row.vendorName}${range}: ${row.meaning}`;
      if (seen.has(code + title)) continue;
      seen.add(code + title);
      entries.push({ code, title, kind: 'vendor' });
    }
  }
  return entries;
}
