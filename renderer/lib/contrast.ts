// WCAG 2 contrast arithmetic, for the theme's palettes and for the test that checks them.

export type Rgb = readonly [number, number, number];

// '#rrggbb', 'rgb(r, g, b)' or 'rgba(r, g, b, a)'; a translucent colour is laid over `under`.
export function parseColor(css: string, under: Rgb = [255, 255, 255]): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css.trim());
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const fn = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,/\s]+([\d.]+))?\s*\)$/i.exec(css.trim());
  if (!fn) throw new Error(`Warna tidak dikenal: ${css}`);
  const rgb: Rgb = [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  return mix(under, rgb, fn[4] === undefined ? 1 : Number(fn[4]));
}

// `t` of the way from a to b.
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export function toHex(c: Rgb): string {
  return `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
