import { useMemo, type CSSProperties } from 'react';
import { useMantineTheme, type MantineTheme } from '@mantine/core';

// Badges in long tables drawn as plain spans (plainBadge.module.css), coloured as
// Mantine's Badge colours them: a table of hundreds of rows renders no Badge component.
export type Palette = (color: string, variant: 'light' | 'filled' | 'outline', autoContrast?: boolean) => CSSProperties;

// The colours for each colour and variant, worked out once per theme.
function paletteOf(theme: MantineTheme): Palette {
  const cache = new Map<string, CSSProperties>();
  return (color, variant, autoContrast = false) => {
    const key = `${color} ${variant} ${autoContrast}`;
    let style = cache.get(key);
    if (!style) {
      const c = theme.variantColorResolver({ color, theme, variant, autoContrast });
      style = { background: c.background, color: c.color, border: c.border };
      cache.set(key, style);
    }
    return style;
  };
}

export function usePalette(): Palette {
  const theme = useMantineTheme();
  return useMemo(() => paletteOf(theme), [theme]);
}
