import { Text, TextInput } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import { DOCUMENT_KIND_LABEL, type SignedKind } from '../../../../shared/documents/kinds';
import { numberPatternSchema } from '../../../../shared/schemas/documents';
import { exampleNumber, type DocumentSettings, type SettingsForm } from './settingsForm';

export const EXAMPLE_URUT = 12;

interface Props {
  control: Control<SettingsForm, unknown, DocumentSettings>;
  kind: SignedKind;
  unit: string;
  year: number;
  month: number;
}

// One signed kind's number pattern, checked while typed, with the number it gives.
export function NumberPatternField({ control, kind, unit, year, month }: Props) {
  return (
    <Controller
      control={control}
      name={`numberPatterns.${kind}`}
      render={({ field, fieldState }) => {
        const value = field.value ?? '';
        const check = numberPatternSchema.safeParse(value);
        const live = value.trim() !== '' && !check.success ? check.error.issues[0]?.message : undefined;
        return (
          <TextInput
            label={`Nomor ${DOCUMENT_KIND_LABEL[kind].toLowerCase()}`}
            ref={field.ref}
            value={value}
            onChange={(e) => field.onChange(e.currentTarget.value)}
            onBlur={field.onBlur}
            error={fieldState.error?.message ?? live}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            description={
              check.success ? (
                <>
                  Contoh nomor: <Text span ff="monospace" size="xs" fw={600} c="dark">{exampleNumber(check.data, { urut: EXAMPLE_URUT, unit, year, month })}</Text>
                </>
              ) : undefined
            }
          />
        );
      }}
    />
  );
}
