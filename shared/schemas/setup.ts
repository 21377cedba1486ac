import * as z from 'zod';
import { officeProfileSchema } from './office';
import { newUserSchema } from './user';

export const setupInputSchema = z.object({
  presetId: z.string().max(40).default('blank'),
  office: officeProfileSchema,
  admin: newUserSchema,
});

// The setup screen asks for the admin's password twice. The second copy is checked
// here and dropped before the call: the core never receives it.
export const setupFormSchema = setupInputSchema.extend({
  admin: newUserSchema.extend({ passwordConfirm: z.string() }).refine((a) => a.password === a.passwordConfirm, {
    path: ['passwordConfirm'],
    error: 'Kata sandi yang diulang tidak sama. Ketik ulang kata sandi admin persis sama.',
    // Also while other fields are still wrong, so the admin sees every fix at once.
    when: (p) => {
      const a = p.value as { password?: unknown; passwordConfirm?: unknown };
      return typeof a.password === 'string' && typeof a.passwordConfirm === 'string';
    },
  }),
});

/** What the Admin still has to do after setup; each is done when the office data shows it. */
export const NEXT_STEPS = ['users', 'standard', 'calendar', 'logo', 'camatNip', 'backup'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export const nextStepsSchema = z.object({
  dismissed: z.boolean(),
  done: z.object(Object.fromEntries(NEXT_STEPS.map((s) => [s, z.boolean()])) as Record<NextStep, z.ZodBoolean>),
});
export type NextSteps = z.infer<typeof nextStepsSchema>;
