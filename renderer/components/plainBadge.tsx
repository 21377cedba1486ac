import { useMemo } from 'react';
import { useMantineTheme, type MantineTheme } from '@mantine/core';
import { CLOCK_LABEL, RISK_LABEL, type Risk } from '../../shared/domain';
import { RISK_COLOR, shownClocks } from './badges';
import badge from './plainBadge.module.css';

// Badges in long tables drawn as plain spans (plainBadge.module.css), coloured as
// Mantine's Badge colours them: a table of hundreds of rows renders no Badge component.
export interface BadgeStyle {
  background?: string;
  color?: string;
  border?: string;
}
export type Palette = (color: string, variant: 'light' | 'filled' | 'outline', autoContrast?: boolean) => BadgeStyle;

// The colours for each colour and variant, worked out once per theme.
function paletteOf(theme: MantineTheme): Palette {
  const cache = new Map<string, BadgeStyle>();
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

// Both clocks of an open complaint, one above the other, as StateBadges draws them
// stacked: a step on time inside a standard already past must never read as simply "on time".
export function PlainClocks({ step, standard, size, palette }: { step: Risk | null; standard: Risk | null; size: 'xs' | 'sm'; palette: Palette }) {
  const clocks = shownClocks(step, standard);
  if (clocks.length === 0) return null;
  return (
    <span className={badge.stack}>
      {clocks.map(([clock, risk]) => (
        <span key={clock} className={`${badge.badge} ${badge[size]}`} style={palette(RISK_COLOR[risk], risk === 'aman' ? 'light' : 'filled', true)} data-clock={clock} data-risk={risk}>
          {CLOCK_LABEL[clock]}: {RISK_LABEL[risk]}
        </span>
      ))}
    </span>
  );
}
