import type { Theme } from './bindings/Theme';
import type { TextSize } from './bindings/TextSize';

/** Choices offered in 設定; each has `theme-<value>` / `text-size-<value>` in the .ftl files. */
export const THEMES: Theme[] = ['system', 'light', 'dark'];
export const TEXT_SIZES: TextSize[] = ['standard', 'large', 'x-large'];
