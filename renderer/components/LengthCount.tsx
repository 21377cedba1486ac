import { Text } from '@mantine/core';
import { useWatch, type Control, type FieldValues, type Path } from 'react-hook-form';
import { numberId } from '../../shared/text/numbers';

// Near and past its limit, a long text's length and what to cut, as it is typed (its own
// component: a keystroke redraws this line, not the form).
export function LengthCount<T extends FieldValues>({ control, name, max }: { control: Control<T>; name: Path<T>; max: number }) {
  const value: unknown = useWatch({ control, name });
  const length = typeof value === 'string' ? value.length : 0;
  if (length < max * 0.9) return null;
  const over = length - max;
  return (
    <Text size="xs" c={over > 0 ? 'red.8' : 'dimmed'} mt={-8} aria-live="polite">
      {numberId(length)} dari {numberId(max)} karakter{over > 0 ? `: kurangi ${numberId(over)} karakter.` : '.'}
    </Text>
  );
}
