import { useRef, useState } from 'react';
import { Grid, Stack, TextInput, Textarea } from '@mantine/core';
import { Controller, useFormContext, type FieldError } from 'react-hook-form';
import { unknownPlaceholders, type Placeholder, type TemplateKey } from '../../../../shared/schemas/documents';
import { PlaceholderList } from './PlaceholderList';
import type { DocumentSettings, SettingsForm } from './settingsForm';

type Part = 'hal' | 'body';
const PART_WORDS: Record<Part, string> = { hal: 'kolom Hal', body: 'isi surat' };

// Said while typing, before the schema refuses it on saving.
function unknownMessage(value: string): string | undefined {
  const unknown = unknownPlaceholders(value);
  if (unknown.length === 0) return undefined;
  const list = unknown.map((u) => `{${u}}`).join(', ');
  return `${list} bukan isian yang dikenal. Pilih isian dari daftar di samping, atau hapus kurung kurawalnya.`;
}

const paragraphCount = (body: string) => body.split(/\n\s*\n/).filter((p) => p.trim() !== '').length;

// One letter template: hal, body and tembusan, with the isian that can be clicked in.
export function TemplateEditor({ templateKey }: { templateKey: TemplateKey }) {
  const { control, getValues, setValue, formState } = useFormContext<SettingsForm, unknown, DocumentSettings>();
  const boxes = useRef<Record<Part, HTMLInputElement | HTMLTextAreaElement | null>>({ hal: null, body: null });
  const [part, setPart] = useState<Part | null>(null);
  const path = (p: Part) => `templates.${templateKey}.${p}` as const;

  const insert = (name: Placeholder) => {
    const into = part ?? 'body';
    const box = boxes.current[into];
    const current = getValues(path(into)) ?? '';
    const token = `{${name}}`;
    // Before the admin has clicked into a box, the isian goes at the end of the body.
    const start = part && box ? (box.selectionStart ?? current.length) : current.length;
    const end = part && box ? (box.selectionEnd ?? start) : current.length;
    const glue = !part && current !== '' && !/\s$/.test(current) ? ' ' : '';
    setValue(path(into), current.slice(0, start) + glue + token + current.slice(end), { shouldDirty: true, shouldValidate: formState.submitCount > 0 });
    const caret = start + glue.length + token.length;
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(caret, caret);
    });
  };

  const textBox = (p: Part) => (
    <Controller
      control={control}
      name={path(p)}
      render={({ field, fieldState }) => {
        const common = {
          ref: (el: HTMLInputElement | HTMLTextAreaElement | null) => {
            field.ref(el);
            boxes.current[p] = el;
          },
          value: field.value ?? '',
          onFocus: () => setPart(p),
          onBlur: field.onBlur,
          // The short message of the live check stands in for the schema's longer one.
          error: unknownMessage(field.value ?? '') ?? fieldState.error?.message,
        };
        return p === 'hal' ? (
          <TextInput
            {...common}
            label="Hal"
            description="Hal surat, contoh: Tanggapan atas Pengaduan Nomor {nomor_register}."
            onChange={(e) => field.onChange(e.currentTarget.value)}
          />
        ) : (
          <Textarea
            {...common}
            label="Isi surat"
            description={`Pisahkan paragraf dengan satu baris kosong. Saat ini ${paragraphCount(field.value ?? '')} paragraf.`}
            autosize
            minRows={8}
            maxRows={24}
            onChange={(e) => field.onChange(e.currentTarget.value)}
          />
        );
      }}
    />
  );

  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack>
          {textBox('hal')}
          {textBox('body')}
          <Controller
            control={control}
            name={`templates.${templateKey}.tembusan`}
            render={({ field, fieldState }) => {
              const items = (fieldState.error as unknown as (FieldError | undefined)[] | undefined) ?? [];
              const error = fieldState.error?.message ?? (Array.isArray(items) ? items.find((e) => e?.message)?.message : undefined);
              return (
                <Textarea
                  ref={field.ref}
                  label="Tembusan"
                  description="Satu penerima tembusan per baris, paling banyak 10. Kosongkan bila surat tanpa tembusan."
                  autosize
                  minRows={2}
                  maxRows={10}
                  value={(field.value ?? []).join('\n')}
                  onChange={(e) => field.onChange(e.currentTarget.value.split('\n'))}
                  // Empty lines are the gaps of typing, not recipients.
                  onBlur={() => {
                    field.onChange((field.value ?? []).filter((l) => l.trim() !== ''));
                    field.onBlur();
                  }}
                  error={error}
                />
              );
            }}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <PlaceholderList target={PART_WORDS[part ?? 'body']} onPick={insert} />
      </Grid.Col>
    </Grid>
  );
}
