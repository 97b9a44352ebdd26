import { createTheme, defaultVariantColorsResolver, parseThemeColor, type VariantColorsResolver } from '@mantine/core';

/**
 * The apps' Mantine theme. Colours meet WCAG AA contrast (4.5:1 for normal text, checked by the axe specs, ADR 025):
 * Mantine's defaults put white on blue.6 (3.6:1) and orange.6 text on its light tint (2.3:1).
 */

function luminance(hex: string): number {
  const value = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(value.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** `color` laid over `under` with `alpha` (Mantine's light variants are a 10 % tint of shade 6). */
function tint(color: string, alpha: number, under = '#f8f9fa'): string {
  const c = color.replace('#', '');
  const u = under.replace('#', '');
  return (
    '#' +
    [0, 2, 4]
      .map((i) =>
        Math.round(parseInt(c.slice(i, i + 2), 16) * alpha + parseInt(u.slice(i, i + 2), 16) * (1 - alpha))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}

const AA = 4.6; // a hair above 4.5: tints and anti-aliasing round

/** The lightest shade (7, 8 or 9) of `shades` readable on `background`; gray.9 when none is. */
function readable(shades: readonly string[], background: string, fallback: string): string {
  return [7, 8, 9].map((i) => shades[i]!).find((shade) => contrast(shade, background) >= AA) ?? fallback;
}

const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const shades = parsed.isThemeColor && parsed.color ? input.theme.colors[parsed.color] : undefined;
  if (!shades) return base;
  const ink = input.theme.colors.gray[9]!;
  switch (input.variant) {
    case 'filled': {
      const background = [8, 9].map((i) => shades[i]!).find((shade) => contrast('#ffffff', shade) >= AA);
      return background
        ? { ...base, background, hover: shades[9]!, color: '#ffffff' }
        : { ...base, background: shades[5]!, hover: shades[6]!, color: ink };
    }
    case 'light': {
      const color = readable(shades, tint(shades[6]!, 0.12), ink);
      return { ...base, color, hoverColor: color };
    }
    case 'outline':
    case 'subtle': {
      const color = readable(shades, '#f8f9fa', ink);
      return {
        ...base,
        color,
        hoverColor: color,
        border: input.variant === 'outline' ? `1px solid ${color}` : base.border,
      };
    }
    default:
      return base;
  }
};

/** The theme; `closeLabel` names the close buttons of dialogs and drawers ("Закрыть"), in the app's language. */
export function makeTheme(closeLabel: string) {
  return createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: 'md',
    variantColorResolver,
    components: {
      // plain objects, not Modal.extend(): importing the components here would pull them into the initial JS
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
    },
  });
}

export const theme = makeTheme('Закрыть');
