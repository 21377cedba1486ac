import { useEffect, useState } from 'react';
import { TextInput } from '@mantine/core';
import { formatHariTanggal } from '../../../shared/time/format';
import { addDaysYmd } from '../../../shared/time/workingTime';
import type { TimeZoneId } from '../../../shared/domain';

interface Props {
  label?: string;
  'aria-label'?: string;
  // TTTT-BB-HH when valid; what was typed otherwise (the schema then refuses it).
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  tz: TimeZoneId;
  w?: number;
}

const ymdOf = (text: string): string | null => {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const ymd = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  // A date that rolls over (31/02) is not a date.
  return addDaysYmd(ymd, 0) === ymd ? ymd : null;
};
const looksLikeDate = (text: string) => /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$/.test(text.trim());
const shown = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : value);

// A date typed the Indonesian way (28/12/2026), whatever the computer's language;
// the browser's own date box would follow the system locale (12/28/2026 on an English PC).
export function DateText({ label, value, onChange, onBlur, error, tz, w, ...rest }: Props) {
  const [text, setText] = useState(shown(value));
  useEffect(() => {
    setText((current) => (ymdOf(current) === value ? current : shown(value)));
  }, [value]);
  const ymd = ymdOf(text);
  const own = text.trim() === '' || ymd ? undefined : looksLikeDate(text) ? `Tanggal ${text.trim()} tidak ada di kalender.` : 'Tulis tanggal sebagai HH/BB/TTTT, contoh 28/12/2026.';
  return (
    <TextInput
      label={label}
      aria-label={rest['aria-label']}
      placeholder="HH/BB/TTTT"
      w={w}
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChange(ymdOf(next) ?? next.trim());
      }}
      onBlur={onBlur}
      description={ymd ? formatHariTanggal(ymd, tz) : undefined}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={own ?? (error && text.trim() === '' ? 'Isi tanggal, contoh 28/12/2026.' : error)}
    />
  );
}
