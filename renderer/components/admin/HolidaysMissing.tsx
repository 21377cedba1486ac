import { Alert, Anchor } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { localDate, yearsWithoutHolidays } from '../../../shared/time/workingTime';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/useCall';

// On the Admin's start page: the years whose national holidays the calendar lacks
// (yearsWithoutHolidays), as the calendar's own page says them beside its holidays.
export function HolidaysMissing() {
  const calendar = useCall('calendar.get', {});
  const { now } = useSession();
  const cal = calendar.data;
  const years = cal ? yearsWithoutHolidays(localDate(now(), cal.timeZone), cal.closures) : [];
  if (years.length === 0) return null;
  return (
    <Alert color="yellow" title={`Hari libur nasional ${years.join(' dan ')} belum dicatat`}>
      Batas waktu pengaduan yang melewati tahun {years.join(' dan ')} dihitung seolah-olah hari libur nasional dan cuti bersamanya hari kerja. Catat
      hari liburnya di{' '}
      <Anchor component={RouterLink} to="/admin/kalender">
        Kalender kerja
      </Anchor>
      .
    </Alert>
  );
}
