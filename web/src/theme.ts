/**
 * A sober Mantine theme: navy primary, neutral greys dark enough for WCAG AA text, system
 * fonts with good Cyrillic coverage (no web fonts are fetched).
 */
import { createTheme, type MantineColorsTuple } from '@mantine/core'

const navy: MantineColorsTuple = [
  '#eef3fa',
  '#dbe4f2',
  '#b5c7e4',
  '#8ca7d5',
  '#6a8cc8',
  '#4f74b6',
  '#3a61a6',
  '#2c5190',
  '#22427a',
  '#142a4e',
]

// Mantine's gray.6 (used for "dimmed" text) is below 4.5:1 on white; this one is 6:1.
const gray: MantineColorsTuple = [
  '#f7f8fa',
  '#eff1f4',
  '#e4e7ec',
  '#d6dae1',
  '#c3c9d2',
  '#9aa2ad',
  '#59616c',
  '#464d57',
  '#30363e',
  '#1c2127',
]

// Mantine's red.6 (error text, red outlines) is 3.3:1 on white; these reds are 5.9:1 and darker.
const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#e35d5d',
  '#c92a2a',
  '#b42424',
  '#a01f1f',
  '#8a1a1a',
]

export const SANS =
  '"PT Sans", "Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif'
export const SERIF =
  '"PT Serif", Georgia, "Noto Serif", "Liberation Serif", "DejaVu Serif", "Times New Roman", serif'

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: 7,
  colors: { navy, gray, red },
  // Those who ask their system for less motion get no animated modals or transitions.
  respectReducedMotion: true,
  black: '#1c2127',
  fontFamily: SANS,
  fontFamilyMonospace: '"DejaVu Sans Mono", "Liberation Mono", Consolas, monospace',
  headings: {
    fontFamily: SANS,
    fontWeight: '700',
    sizes: {
      h1: { fontSize: '1.875rem', lineHeight: '1.25' },
      h2: { fontSize: '1.375rem', lineHeight: '1.3' },
      h3: { fontSize: '1.125rem', lineHeight: '1.35' },
    },
  },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Alert: { defaultProps: { variant: 'light' } },
    Table: { defaultProps: { verticalSpacing: 'sm', horizontalSpacing: 'md' } },
  },
})
