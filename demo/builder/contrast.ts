// WCAG 2.x contrast, for the theme step's warnings: relative luminance of sRGB colours and their
// ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). AA asks 4.5:1 for text, 3:1 for large
// text and for the parts of controls and graphics.

export type Rgb = [number, number, number];

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `#0033a0`, `#03a` → RGB; undefined for anything else. */
export function parseHex(text: string): Rgb | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

export const toHex = (rgb: Rgb): string => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** A text colour over a background, and the ratio AA asks of it. */
export interface ContrastPair {
  /** What is read: a token name. */
  text: string;
  /** What it is read on: a token name. */
  background: string;
  /** 4.5 for text, 3 for large text (headline figures). */
  minimum: number;
  /** Key of the builder's string table that says where the pair appears. */
  where: string;
}

/** The pairs of global tokens that the widgets draw text with. */
export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  { text: '--iom-color-text', background: '--iom-color-surface', minimum: 4.5, where: 'pairText' },
  { text: '--iom-color-text-muted', background: '--iom-color-surface', minimum: 4.5, where: 'pairMuted' },
  { text: '--iom-color-primary', background: '--iom-color-surface', minimum: 4.5, where: 'pairPrimary' },
  { text: '--iom-color-on-primary', background: '--iom-color-primary', minimum: 4.5, where: 'pairOnPrimary' },
  { text: '--iom-color-text', background: '--iom-color-surface-alt', minimum: 4.5, where: 'pairAlt' },
  { text: '--iom-color-danger', background: '--iom-color-surface', minimum: 4.5, where: 'pairDanger' },
  { text: '--iom-objective-1', background: '--iom-color-surface', minimum: 4.5, where: 'pairObjective' },
  { text: '--iom-objective-2', background: '--iom-color-surface', minimum: 4.5, where: 'pairObjective' },
  { text: '--iom-objective-3', background: '--iom-color-surface', minimum: 4.5, where: 'pairObjective' },
];
