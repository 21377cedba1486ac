import type { ReportSignOff as SignOff } from '../../../shared/reports/signOff';
import { Signature } from '../documents/Kop';

// A printed report's end (shared/reports/signOff.ts): the place and date and the head of
// office's block to sign by hand, on the right as a letter's. Placed inside the report's
// last section, which is not split across sheets, so it is never alone on one; should that
// section be taller than a sheet, the block is still kept whole and the browser asked not
// to part it from the table above. Only on paper: the screen shows the figures.
export function ReportSignOff({ signOff }: { signOff: SignOff }) {
  const s = signOff.signature;
  return (
    <div className="print-only" data-testid="pengesahan-laporan" style={{ marginTop: '12pt', breakInside: 'avoid', breakBefore: 'avoid' }}>
      <div style={{ display: 'grid', gridTemplateColumns: '55% 45%' }}>
        <span />
        <Signature caption={[signOff.placeDate, ...s.caption]} name={s.name} after={s.after} official={s.official} space="2.7cm" style={{ lineHeight: 1.3 }} />
      </div>
    </div>
  );
}
