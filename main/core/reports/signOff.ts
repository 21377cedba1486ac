import type { ReportSignOff } from '../../../shared/reports/signOff';
import { formatTanggal } from '../../../shared/time/format';
import type { Db } from '../db/open';
import { placeName } from '../documents/receipt';
import { activeHead, actingOn, signatureView } from '../documents/signer';
import { getOffice } from '../office/settings';

// Where no one signs for the head of office: a line to write the name on by hand.
const BLANK_NAME = '(....................................)';

// The end of a report as printed at `now` (shared/reports/signOff.ts): dated that day, in
// the office's zone, for whoever is appointed Plt./Plh. that day (the head of office is
// away), else the head of office, to sign by hand. No signature image: a report is signed
// on its paper.
export function reportSignOff(db: Db, now: Date): ReportSignOff {
  const office = getOffice(db);
  const signer = actingOn(db, office, now.toISOString()) ?? activeHead(db);
  return {
    placeDate: `${placeName(office)}, ${formatTanggal(now, office.timeZone)}`,
    signature: signer
      ? signatureView(signer.user, office, signer.capacity)
      : { caption: [`${office.headTitle.toUpperCase()},`], name: BLANK_NAME, after: [], image: '', official: false, stamp: true },
  };
}
