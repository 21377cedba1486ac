import { DEFAULT_THEME, createTheme, type MantineColorsTuple } from '@mantine/core';
import { contrast, mix, parseColor, toHex, type Rgb } from './lib/contrast';
import { hideAnswer } from './lib/feedback';

const BLACK: Rgb = [0, 0, 0];
// The palest ground text sits on: a striped table row (gray 0) under a light badge's tint.
const GROUND = parseColor(DEFAULT_THEME.colors.gray[0]);
// WCAG AA for text, with a little room for hover tints.
const TARGET = 4.6;

// Mantine's shade 6 is what filled buttons and badges, light badges, links, outline
// buttons, alert titles and dimmed text (gray 6) draw with; its stock teal reads 2.5:1 on
// white. Darken shade 6 until its text reads on its own light tint and white text reads
// on it; shades 7–9 stay at least as dark, so hovers and `c="red.8"` read too.
function readable(shades: MantineColorsTuple): MantineColorsTuple {
  let six = parseColor(shades[6]);
  const ok = (c: Rgb) => contrast(c, mix(GROUND, c, 0.1)) >= TARGET && contrast(c, [255, 255, 255]) >= TARGET;
  while (!ok(six)) six = mix(six, BLACK, 0.04);
  const darker = (k: 7 | 8 | 9) => {
    const own = parseColor(shades[k]);
    const step = mix(six, BLACK, 0.12 * (k - 6));
    return contrast(own, BLACK) < contrast(step, BLACK) ? shades[k] : toHex(step);
  };
  return [shades[0], shades[1], shades[2], shades[3], shades[4], shades[5], toHex(six), darker(7), darker(8), darker(9)];
}

const colors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors)
    .filter(([name]) => name !== 'dark')
    .map(([name, shades]) => [name, readable(shades)]),
);

export const theme = createTheme({
  primaryColor: 'teal',
  colors,
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  defaultRadius: 'sm',
  // The ring shows for the keyboard, not for every mouse click.
  focusRing: 'auto',
  components: {
    // Capitals make a status wider and harder to read ("TANGGAPAN DISUS…" in Riwayat).
    Badge: { defaultProps: { tt: 'none' } },
    // A searchable list opens on a click or on typing, not when Tab passes through it.
    Select: { defaultProps: { openOnFocus: false } },
    MultiSelect: { defaultProps: { openOnFocus: false } },
    Autocomplete: { defaultProps: { openOnFocus: false } },
    TagsInput: { defaultProps: { openOnFocus: false } },
    // Mantine's own transition, and the last action's notice closed as a dialog opens.
    Modal: { defaultProps: { transitionProps: { duration: 200, transition: 'fade-down', onEnter: hideAnswer } } },
  },
});
