import type { BaseSyntheticEvent } from 'react';
import type { FieldErrors, FieldValues } from 'react-hook-form';

// react-hook-form's onInvalid: focus the first field marked invalid in reading order.
// Its own focus follows the order fields were registered, which for a form built from
// several cards is not the order on screen. Runs after that focus and after the render
// that marks the fields (aria-invalid), so it has the last word.
export function focusFirstError<T extends FieldValues>(_errors: FieldErrors<T>, event?: BaseSyntheticEvent) {
  const target: unknown = event?.target;
  const root: ParentNode = (target instanceof Element && (target instanceof HTMLFormElement ? target : target.closest('form'))) || document;
  setTimeout(() =>
    setTimeout(() =>
      requestAnimationFrame(() => {
        const first = root.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (!first) return;
        first.focus();
        first.scrollIntoView({ block: 'center' });
      }),
    ),
  );
}
