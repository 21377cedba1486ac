import type { ReactNode } from 'react';
import { Alert, Anchor } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { localDate, yearsWithoutHolidays } from '../../../shared/time/workingTime';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/useCall';

// The years whose national holidays the calendar lacks (yearsWithoutHolidays), and what the
// Admin does about it (`todo`): on the calendar page beside its holidays, and on the Admin's
// start page.
export function HolidaysMissingAlert({ years, todo }: { years: string[]; todo: ReactNode }) {
  if (years.length === 0) return null;
  return (
    <Alert color="yellow" title={`Hari libur nasional ${years.join(' dan ')} belum dicatat`}>
      Batas waktu pengaduan yang dihitung melintasi tahun {years.join(' dan ')} memperlakukan hari libur nasional dan cuti bersama tahun itu sebagai hari kerja. {todo}
    </Alert>
  );
}

// On the Admin's start page, from the calendar as saved.
export function HolidaysMissing() {
  const calendar = useCall('calendar.get', {});
  const { now } = useSession();
  const cal = calendar.data;
  const years = cal ? yearsWithoutHolidays(localDate(now(), cal.timeZone), cal.closures) : [];
  return (
    <HolidaysMissingAlert
      years={years}
      todo={
        <>
          Catat hari liburnya di{' '}
          <Anchor component={RouterLink} to="/admin/kalender">
            Kalender kerja
          </Anchor>
          .
        </>
      }
    />
  );
}
