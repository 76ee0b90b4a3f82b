import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/stat-counter/define.js';
import '../src/objective-card/define.js';
import { OBJECTIVE_CARD_VARIANTS } from '../src/objective-card/objective-card.js';
import { arabicObjective, fourthObjective, longObjective, minimalObjective } from './fixtures/objective-card.js';
import { heldSrc, renderWidget, widget, type WidgetArgs } from './support/widget.js';

const SEED = 'data/annual-report-2023.json#/objectives/1';

const meta: Meta<WidgetArgs> = {
  title: 'objective-card',
  component: 'objective-card',
  tags: ['autodocs'],
  render: widget('objective-card'),
  argTypes: {
    variant: { control: 'inline-radio', options: [...OBJECTIVE_CARD_VARIANTS] },
    accent: { control: 'inline-radio', options: ['1', '2', '3'] },
  },
  args: { src: SEED },
  parameters: {
    docs: {
      description: {
        component:
          'One of IOM’s strategic objectives with its summary, key figures (each a `<stat-counter>`) and a link. Seed stories read `data/annual-report-2023.json#/objectives/…`; stories marked *fictitious example* use made-up data.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<WidgetArgs>;

const row = (attrs: { subgrid?: boolean; variant?: string } = {}) =>
  html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 19em), 1fr)); gap: 1.5em">
    ${[0, 1, 2].map((i) => renderWidget('objective-card', { src: `data/annual-report-2023.json#/objectives/${i}`, subgrid: attrs.subgrid, variant: attrs.variant }))}
  </div>`;

// Ready, with IOM's figures ----------------------------------------------------------------------

/** Objective 2 of the 2023 report, as a webmaster writes it: `src` with a JSON Pointer. */
export const Seed: Story = { name: 'Ready: seed data (objective 2, 2023)' };

export const SeedObjective1: Story = { name: 'Ready: seed data (objective 1, nine figures)', args: { src: 'data/annual-report-2023.json#/objectives/0' } };

/** The three objectives side by side: each card stretches to the row's height and the figures line up. */
export const ThreeInARow: Story = { name: 'Ready: three objectives in a row', render: () => row() };

/** With `subgrid`, titles, summaries and figures line up row by row across the cards. */
export const ThreeInARowSubgrid: Story = { name: 'Ready: three in a row, subgrid', render: () => row({ subgrid: true }) };

export const LongFictitious: Story = {
  name: 'Ready: long data (fictitious example)',
  args: { src: undefined, inlineJson: longObjective },
};

export const Minimal: Story = {
  name: 'Ready: number and title only (fictitious example)',
  args: { src: undefined, inlineJson: minimalObjective },
};

export const NumberWithoutAccent: Story = {
  name: 'Ready: objective 4, no accent token (fictitious example)',
  args: { src: undefined, inlineJson: fourthObjective },
};

// Variants and options ---------------------------------------------------------------------------

export const VariantCard: Story = { name: 'Variant: card (default)', args: { variant: 'card' } };
export const VariantPlain: Story = { name: 'Variant: plain', args: { variant: 'plain' } };
export const VariantBanner: Story = { name: 'Variant: banner', args: { variant: 'banner', src: 'data/annual-report-2023.json#/objectives/0' }, parameters: { iom: { width: 'wide' } } };
export const VariantBannerNarrow: Story = { name: 'Variant: banner, narrow', args: { variant: 'banner' }, parameters: { iom: { width: 'narrow' } } };
export const ThreeBanners: Story = {
  name: 'Variant: banner, three stacked',
  render: () => html`<div style="display: grid; gap: 1.5em">
    ${[0, 1, 2].map((i) => renderWidget('objective-card', { src: `data/annual-report-2023.json#/objectives/${i}`, variant: 'banner', columns: 4 }))}
  </div>`,
};
export const AccentOverride: Story = { name: 'Option: accent="3" on objective 2', args: { accent: '3' } };
export const OneColumn: Story = { name: 'Option: columns="1"', args: { columns: 1, src: 'data/annual-report-2023.json#/objectives/0' } };
export const HeadingLevel2: Story = { name: 'Option: heading-level="2"', args: { 'heading-level': 2 } };

/** The slots: a pictogram (icon), extra content (default slot) and a footer. */
export const Slots: Story = {
  name: 'Slots: icon, extra content, footer (fictitious example)',
  render: (args) => {
    const el = renderWidget('objective-card', args);
    const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    icon.setAttribute('slot', 'icon');
    icon.setAttribute('viewBox', '0 0 24 24');
    icon.setAttribute('aria-hidden', 'true');
    icon.innerHTML = '<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"/><path d="M7 12h10M12 7v10" stroke="currentColor" stroke-width="2"/>';
    const extra = document.createElement('p');
    extra.textContent = 'Extra content from the default slot (fictitious example).';
    const footer = document.createElement('a');
    footer.slot = 'footer';
    footer.href = 'https://example.org/download';
    footer.textContent = 'Download the example factsheet';
    el.prepend(icon);
    el.append(extra, footer);
    return el;
  },
  args: { src: undefined, inlineJson: { ...minimalObjective, summary: 'An example card with all three slots filled (fictitious example).', url: 'https://example.org/objective' } },
};

// Loading, errors ---------------------------------------------------------------------------------

/** The skeleton, held: the request never answers. */
export const Loading: Story = { name: 'Loading', tags: ['loading'], args: { src: heldSrc(SEED), timeout: 0 } };

export const ErrorBadJson: Story = {
  name: 'Error: data attribute is not valid JSON',
  args: { src: undefined, data: '{ "number": 1, "title": "Saving lives", }' },
};

export const ErrorNotFound: Story = {
  name: 'Error: file not found (404)',
  tags: ['http-error'],
  args: { src: 'data/annual-report-2022.json#/objectives/0' },
};

export const ErrorBadPointer: Story = {
  name: 'Error: JSON Pointer to nothing',
  args: { src: 'data/annual-report-2023.json#/objectives/5' },
};

export const ErrorValidation: Story = {
  name: 'Error: data of the wrong shape',
  args: { src: undefined, data: JSON.stringify({ number: 'one', title: 'Example objective (fictitious example)' }) },
};

export const ErrorTimeout: Story = {
  name: 'Error: timeout',
  args: { src: heldSrc(SEED), timeout: 1500 },
};

export const ErrorNoData: Story = { name: 'Error: no data given', args: { src: undefined } };

// Containers, languages, themes --------------------------------------------------------------------

export const Narrow: Story = { name: 'Container: narrow (320 px)', args: { src: 'data/annual-report-2023.json#/objectives/0' }, parameters: { iom: { width: 'narrow' } } };
export const Wide: Story = { name: 'Container: wide', args: { src: 'data/annual-report-2023.json#/objectives/0' }, parameters: { iom: { width: 'wide' } } };

export const Arabic: Story = { name: 'Language: Arabic (RTL)', globals: { locale: 'ar' }, args: { src: 'data/annual-report-2023.json#/objectives/0' } };
export const ArabicData: Story = {
  name: 'Language: Arabic (RTL), Arabic words (fictitious example)',
  globals: { locale: 'ar' },
  args: { src: undefined, inlineJson: arabicObjective },
};
export const French: Story = { name: 'Language: French', globals: { locale: 'fr' } };
export const Spanish: Story = { name: 'Language: Spanish', globals: { locale: 'es' } };
export const ArabicError: Story = { name: 'Language: Arabic (RTL), error', globals: { locale: 'ar' }, args: { src: 'data/annual-report-2023.json#/objectives/5' } };

/** View with "reduce motion" on: the figures show their final values at once. */
export const ReducedMotion: Story = { name: 'Reduced motion', tags: ['reduced-motion'] };

export const Dark: Story = { name: 'Theme: dark', globals: { theme: 'dark' }, render: () => row() };
export const DarkBanner: Story = { name: 'Theme: dark, banner', globals: { theme: 'dark' }, args: { variant: 'banner' } };
export const RegionalWarm: Story = { name: 'Theme: regional example, warm', globals: { theme: 'regional-warm' }, render: () => row() };
export const RegionalOcean: Story = { name: 'Theme: regional example, ocean', globals: { theme: 'regional-ocean' }, render: () => row() };
