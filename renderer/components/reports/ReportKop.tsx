import { kopOf } from '../../../shared/documents/common';
import { useSession } from '../../lib/session';
import { Kop } from '../documents/Kop';

// A report handed in on paper (buku rekap, IKM) opens with the office's kop surat, as its
// letters do; on screen the page's own heading stands instead.
export function ReportKop() {
  const { office } = useSession();
  return (
    <div className="print-only">
      <Kop kop={kopOf(office)} />
    </div>
  );
}
