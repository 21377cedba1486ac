import { createContext, useContext } from 'react';
import type { CallOutput } from '../../shared/contract';
import type { OfficeProfile } from '../../shared/schemas/office';
import { executorLabel, officeWordsOf, roleLabel, type Executor, type Role, type TimeZoneId } from '../../shared/domain';
import { formatSingkat, formatTanggal, formatTanggalWaktu } from '../../shared/time/format';
import { displayDue, localDate, type OfficeCalendar } from '../../shared/time/workingTime';

export type SessionUser = NonNullable<CallOutput<'auth.me'>>;

export interface Session {
  user: SessionUser;
  office: OfficeProfile;
  // For showing due times as the office reads them (displayDue).
  calendar: OfficeCalendar;
  // The core's clock, run on by this PC's: today's date and time for the forms' defaults and
  // their checks, in office.timeZone. This PC's own clock may be set wrong.
  now(): Date;
  // After a change to the office profile or the signed-in user.
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

// How far the core's clock is ahead of this PC's, from the session's answer: to within the
// moments between its making and its reading, which a date or a minute does not notice.
export const hostOffsetOf = (user: SessionUser): number => Date.parse(user.hostTime) - Date.now();

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}

// Instants shown in the office's zone, as the office writes them.
// Due times go through dueShort/dueLong: a due at an opening reads as the previous closing.
/** The roles in this office's words (a badan's "Sekretaris" where a kecamatan says "Sekretaris Kecamatan"). */
export function useRoleLabel() {
  const { level } = useSession().office;
  return (role: Role) => roleLabel(role, level);
}

/** The head of office and the secretary as a sentence names them: "Camat", or a badan's own head. */
export const useOfficeWords = () => officeWordsOf(useSession().office);

/** Who carries out a step, named as the roles are (shared/domain executorLabel). */
export function useExecutorLabel() {
  const { level } = useSession().office;
  return (e: Executor) => executorLabel(e, level);
}

export function useDates() {
  const { office, calendar, now } = useSession();
  const tz: TimeZoneId = office.timeZone;
  return {
    tz,
    // The office's date today, on the core's clock (YYYY-MM-DD), and its month.
    today: () => localDate(now(), tz),
    thisMonth: () => {
      const [year, month] = localDate(now(), tz).split('-').map(Number) as [number, number];
      return { year, month };
    },
    short: (iso: string) => formatSingkat(iso, tz),
    long: (iso: string) => formatTanggalWaktu(iso, tz),
    date: (iso: string) => formatTanggal(iso, tz),
    dueShort: (iso: string) => formatSingkat(displayDue(iso, calendar), tz),
    dueLong: (iso: string) => formatTanggalWaktu(displayDue(iso, calendar), tz),
  };
}
