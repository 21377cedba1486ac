import { Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { Controller, type Control } from 'react-hook-form';
import type * as z from 'zod';
import { fillNumberPattern, type NumberParts } from '../../../../shared/documents/numbering';
import type { DocumentSettings, SettingsForm } from './settingsForm';

export const EXAMPLE_URUT = 12;

interface Props {
  control: Control<SettingsForm, unknown, DocumentSettings>;
  name: 'registerPattern' | `numberPatterns.${keyof DocumentSettings['numberPatterns']}`;
  label: string;
  schema: z.ZodType<string>;
  /** The example number's parts; urut is the example's running number. */
  parts: NumberParts;
  urutDigits?: number;
  note?: ReactNode;
}

// One number pattern, checked while typed, with the number it gives.
export function NumberPatternField({ control, name, label, schema, parts, urutDigits, note }: Props) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const value = field.value ?? '';
        const check = schema.safeParse(value);
        const live = value.trim() !== '' && !check.success ? check.error.issues[0]?.message : undefined;
        return (
          <TextInput
            label={label}
            withAsterisk
            ref={field.ref}
            value={value}
            onChange={(e) => field.onChange(e.currentTarget.value)}
            onBlur={field.onBlur}
            error={fieldState.error?.message ?? live}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            description={
              <>
                {check.success && (
                  <>
                    Contoh nomor:{' '}
                    <Text span ff="monospace" size="xs" fw={600} c="dark">
                      {fillNumberPattern(check.data, parts, urutDigits)}
                    </Text>
                    {note && '. '}
                  </>
                )}
                {note}
              </>
            }
          />
        );
      }}
    />
  );
}
