import type * as z from 'zod';
import type { documentSettingsInputSchema, DocumentSettings } from '../../../../shared/schemas/documents';

// The document settings as the screen edits them: the schema's own shape, so the
// core's field paths ('templates.penerusan.body') are the form's names.
export type SettingsForm = z.input<typeof documentSettingsInputSchema>;
export type { DocumentSettings };
