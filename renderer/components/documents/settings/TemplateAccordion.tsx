import { useEffect, useState } from 'react';
import { Accordion, Text } from '@mantine/core';
import { useFormContext } from 'react-hook-form';
import { TEMPLATE_KEYS, TEMPLATE_LABEL } from '../../../../shared/schemas/documents';
import { TemplateEditor } from './TemplateEditor';
import type { DocumentSettings, SettingsForm } from './settingsForm';

// The six letter templates, one open at a time unless saving finds problems: then
// every template with a problem opens, so its message is seen.
export function TemplateAccordion() {
  const { formState } = useFormContext<SettingsForm, unknown, DocumentSettings>();
  const { errors, submitCount } = formState;
  const [open, setOpen] = useState<string[]>([]);
  const withErrors = TEMPLATE_KEYS.filter((k) => errors.templates?.[k]);
  const errorKey = withErrors.join(',');

  useEffect(() => {
    if (errorKey) setOpen((o) => [...new Set([...o, ...errorKey.split(',')])]);
  }, [errorKey, submitCount]);

  return (
    <Accordion multiple variant="separated" value={open} onChange={setOpen}>
      {TEMPLATE_KEYS.map((k) => (
        <Accordion.Item key={k} value={k}>
          <Accordion.Control>
            <Text fw={500} c={withErrors.includes(k) ? 'red' : undefined}>
              {TEMPLATE_LABEL[k]}
              {withErrors.includes(k) && (
                <Text span size="sm" c="red">
                  {' '}
                  (perlu diperbaiki)
                </Text>
              )}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <TemplateEditor templateKey={k} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
