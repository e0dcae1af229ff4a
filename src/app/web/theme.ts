import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// Mantine's palettes are tuned for looks, not contrast: in light mode the UI uses
// shade 8, which we darken where needed so white-on-filled, coloured text on
// "light" backgrounds and coloured text on white all stay at or above 4.5:1 (WCAG AA).
const darker: Record<string, [string, string]> = {
  red: ['#b82828', '#a22323'],
  pink: ['#b62356', '#a01f4c'],
  grape: ['#9634ae', '#842e99'],
  violet: ['#6741d9', '#5b39bf'],
  indigo: ['#3957d2', '#324db9'],
  blue: ['#1663ab', '#135796'],
  cyan: ['#0a6d7d', '#09606e'],
  teal: ['#076f4f', '#066246'],
  green: ['#216f30', '#1d622a'],
  lime: ['#436f0a', '#3b6209'],
  yellow: ['#905400', '#7f4a00'],
  orange: ['#a74009', '#933808'],
};

const colors: Record<string, MantineColorsTuple> = {};
for (const [name, [shade8, shade9]] of Object.entries(darker)) {
  const base = DEFAULT_THEME.colors[name];
  if (!base) continue;
  colors[name] = [base[0], base[1], base[2], base[3], base[4], base[5], base[6], base[7], shade8, shade9];
}

export const theme = createTheme({
  // People who ask their system for less motion get no animated modals, menus or transitions.
  respectReducedMotion: true,
  primaryColor: 'teal',
  primaryShade: { light: 8, dark: 6 },
  colors,
  defaultRadius: 'md',
  cursorType: 'pointer',
  headings: { fontWeight: '700' },
  components: {
    Anchor: { defaultProps: { underline: 'hover' } },
    Table: { defaultProps: { verticalSpacing: 'sm' } },
    // Mantine greys a titled notification's text (gray.6, 3.3:1) and leaves its close button unnamed.
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-gray-8)' } },
    },
  },
});

/** Dimmed text and error messages in Mantine's defaults fall below 4.5:1 on white; use darker grays/reds. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': 'var(--mantine-color-teal-8)',
  },
  dark: {},
});
