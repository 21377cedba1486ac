import type { ActingKind } from '../../../../shared/schemas/documents';

const PREFIX: Record<ActingKind, string> = { plt: 'Plt.', plh: 'Plh.' };

/** How the signature block names the stand-in: "Plh. Camat Kejayan". */
export const actingTitle = (kind: ActingKind, headTitle: string) => `${PREFIX[kind]} ${headTitle || 'Camat'}`;
