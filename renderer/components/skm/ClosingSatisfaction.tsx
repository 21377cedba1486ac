import { Group, Radio } from '@mantine/core';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { CLOSING_SATISFACTION_LABEL, CLOSING_SATISFACTION_MISSING, CLOSING_SATISFACTIONS, type ClosingSatisfaction } from '../../../shared/schemas/skm';
import type { Journey } from '../../../shared/schemas/workflow';

// Puas / tidak puas asked when the step at hand closes the complaint, unless the statement is
// settled: given, or recorded by a signed berita acara as not asked.
export const asksSatisfaction = (j: Journey) => j.current !== null && j.current.stepNo === j.steps.length && !j.statementSettled;

/**
 * The forms that close a complaint require a choice here (the core takes it as optional).
 * Wrapping the form's resolver reports a missing choice together with the schema's own
 * errors, so one press of the button shows everything left to fill in.
 */
export function askingSatisfaction<T extends FieldValues & { satisfaction?: ClosingSatisfaction }, C, O>(resolver: Resolver<T, C, O>, asks: boolean): Resolver<T, C, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    if (!asks || values.satisfaction) return result;
    const missing = { type: 'required', message: CLOSING_SATISFACTION_MISSING };
    return { values: {}, errors: { ...result.errors, satisfaction: missing } as FieldErrors<T> };
  };
}

export function ClosingSatisfactionField({ value, onChange, error }: { value: ClosingSatisfaction | undefined; onChange(v: ClosingSatisfaction): void; error?: string }) {
  return (
    <Radio.Group
      label="Pernyataan pelapor atas penyelesaian"
      description="Tanyakan kepada pelapor apakah ia puas. Pengaduan selesai dengan langkah ini."
      value={value ?? null}
      onChange={(v) => onChange(v as ClosingSatisfaction)}
      error={error}
    >
      <Group mt={4}>
        {CLOSING_SATISFACTIONS.map((s) => (
          <Radio key={s} value={s} label={CLOSING_SATISFACTION_LABEL[s]} />
        ))}
      </Group>
    </Radio.Group>
  );
}
