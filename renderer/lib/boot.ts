import { answerOf, call, callAhead, dropAhead, keepAhead } from '../api';
import type { CallName, CallOutput } from '../../shared/contract';

declare global {
  interface Window {
    // The first reads renderer/boot.js sent while the page was parsed, by call name.
    tanggapBoot?: Partial<Record<CallName, Promise<unknown>>>;
    // Reads boot.js sent for the page this address opens (the register's first list),
    // with the request body they carried.
    tanggapAhead?: { name: CallName; body: string; answer: Promise<unknown> }[];
  }
}

export interface BootReads {
  status: Promise<CallOutput<'setup.status'>>;
  me: Promise<CallOutput<'auth.me'>>;
  office: Promise<CallOutput<'office.get'>>;
  calendar: Promise<CallOutput<'calendar.get'>>;
}

let early: BootReads | null = null;

// The first screen's reads, all at once instead of one after another: taken over from
// boot.js when it sent them already, else sent now, as soon as the app's code runs
// (before React renders anything). The office and its calendar are asked for before the
// session is known; a refusal (no one signed in) is read again the ordinary way by
// whoever needs them (App's load).
export function startBootReads(): BootReads {
  const sent = window.tanggapBoot ?? {};
  delete window.tanggapBoot;
  const status = sent['setup.status'];
  const me = sent['auth.me'];
  const office = sent['office.get'];
  const calendar = sent['calendar.get'];
  const reads: BootReads = {
    status: status ? answerOf('setup.status', status) : call('setup.status'),
    me: me ? answerOf('auth.me', me) : call('auth.me'),
    office: office ? answerOf('office.get', office, true) : callAhead('office.get'),
    calendar: calendar ? answerOf('calendar.get', calendar, true) : callAhead('calendar.get'),
  };
  // A failure is reported by the load that takes the reads up, not as an unhandled rejection.
  for (const read of Object.values(reads) as Promise<unknown>[]) read.catch(() => undefined);
  // The landing page's reads wait for its first call, unless no one signed in can make it
  // now: then they are dropped, so a later sign-in reads afresh.
  for (const sent of window.tanggapAhead ?? []) keepAhead(sent.name, sent.body, sent.answer);
  delete window.tanggapAhead;
  reads.me.then((me) => (!me || me.mustChangePassword) && dropAhead(), dropAhead);
  early = reads;
  return reads;
}

// The reads started by startBootReads, once: a later load (after signing in or out) reads afresh.
export function takeBootReads(): BootReads | null {
  const reads = early;
  early = null;
  return reads;
}
