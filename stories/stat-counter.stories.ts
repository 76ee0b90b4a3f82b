import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/stat-counter/define.js';
import { STAT_FORMATS } from '../src/stat-counter/stat-counter.data.js';
import { STAT_COUNTER_STARTS } from '../src/stat-counter/stat-counter.js';
import { arabicFigure, decrease, increase, longFigure, multilingualFigure } from './fixtures/stat-counter.js';
import { heldSrc, renderWidget, widget, type WidgetArgs } from './support/widget.js';

const SEED = 'data/annual-report-2023.json#/highlights/peopleReached';

const meta: Meta<WidgetArgs> = {
  title: 'stat-counter',
  component: 'stat-counter',
  tags: ['autodocs'],
  render: widget('stat-counter'),
  argTypes: {
    format: { control: 'select', options: [...STAT_FORMATS] },
    start: { control: 'select', options: [...STAT_COUNTER_STARTS] },
  },
  args: { src: SEED },
  parameters: {
    docs: {
      description: {
        component:
          'One headline figure with its label. The real number is in the page from the first render; the count-up is decoration. Seed stories read `data/annual-report-2023.json`; stories marked *fictitious example* use made-up figures.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<WidgetArgs>;

/** A row of counters, as on a report page. */
const row = (srcs: string[]) =>
  html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr)); gap: 1.5em 2em; align-items: start">
    ${srcs.map((src) => renderWidget('stat-counter', { src }))}
  </div>`;
const HIGHLIGHTS = [
  'data/annual-report-2023.json#/highlights/peopleReached',
  'data/annual-report-2023.json#/highlights/countries',
  'data/annual-report-2023.json#/highlights/regularPathways',
  'data/annual-report-2023.json#/highlights/privateSectorFunding',
];

// Ready, with IOM's figures ----------------------------------------------------------------------

/** "Over 31 million people reached", read from the report file with a JSON Pointer. */
export const Seed: Story = { name: 'Ready: seed data (2023 highlight)' };

export const HighlightsRow: Story = { name: 'Ready: four 2023 highlights in a row', render: () => row(HIGHLIGHTS) };

/** No data file: the figure written in attributes, as a webmaster can in any CMS. */
export const FromAttributes: Story = {
  name: 'Ready: from attributes only',
  args: { src: undefined, value: 600000, label: 'people accessed regular migration pathways', source: 'IOM Annual Report 2023' },
};

export const FormatStandard: Story = { name: 'Format: standard', args: { src: 'data/annual-report-2023.json#/highlights/countries' } };
export const FormatCompact: Story = { name: 'Format: compact', args: { src: SEED } };
export const FormatPercent: Story = { name: 'Format: percent', args: { src: 'data/annual-report-2023.json#/enablers/funding/revenueIncrease' } };
export const FormatCurrency: Story = { name: 'Format: currency', args: { src: 'data/annual-report-2023.json#/highlights/privateSectorFunding' } };

export const LongFictitious: Story = { name: 'Ready: long data (fictitious example)', args: { src: undefined, inlineJson: longFigure } };

export const Change: Story = {
  name: 'Ready: change from the previous year (fictitious example)',
  render: () => html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr)); gap: 2em">
    ${renderWidget('stat-counter', { inlineJson: increase })} ${renderWidget('stat-counter', { inlineJson: decrease })}
  </div>`,
};

/** The count-up, slowed down and started on load so it can be watched. */
export const CountUp: Story = { name: 'Count-up: on load, 4 s', args: { start: 'load', duration: 4000 } };
export const NoCountUp: Story = { name: 'Count-up: none', args: { start: 'none' } };

export const CenteredLarge: Story = {
  name: 'Custom properties: centred, larger value',
  args: { style: '--iom-stat-counter-align: center; --iom-stat-counter-value-size: 3.5em; --iom-stat-counter-value-color: #00838f' },
};

// Loading, errors ---------------------------------------------------------------------------------

export const Loading: Story = { name: 'Loading', tags: ['loading'], args: { src: heldSrc(SEED), timeout: 0 } };

export const ErrorBadJson: Story = {
  name: 'Error: data attribute is not valid JSON',
  args: { src: undefined, data: '{ "value": 31000000, "label": "people reached", }' },
};
export const ErrorNotFound: Story = { name: 'Error: file not found (404)', tags: ['http-error'], args: { src: 'data/annual-report-2022.json#/highlights/peopleReached' } };
export const ErrorBadPointer: Story = { name: 'Error: JSON Pointer to nothing', args: { src: 'data/annual-report-2023.json#/highlights/peopleReachd' } };
export const ErrorValidation: Story = {
  name: 'Error: data of the wrong shape',
  args: { src: undefined, data: JSON.stringify({ value: '31,000,000', label: 'people reached (fictitious example)' }) },
};
export const ErrorValueAttribute: Story = { name: 'Error: value attribute is not a plain number', args: { src: undefined, value: '31.6 million', label: 'people assisted' } };
export const ErrorCurrencyMissing: Story = {
  name: 'Error: format currency without a currency',
  args: { src: undefined, value: 30000000, format: 'currency', label: 'example funding (fictitious example)' },
};
/** A `format` the counter cannot use: the figure is still shown, with the default format, and a note says what was ignored. */
export const AttributeIgnored: Story = { name: 'Attribute ignored: format="percentage"', tags: ['expected-warning'], args: { src: undefined, value: '600000', label: 'people (example)', format: 'percentage' as never } };
export const ErrorTimeout: Story = { name: 'Error: timeout', args: { src: heldSrc(SEED), timeout: 1500 } };
export const ErrorNoData: Story = { name: 'Error: no value and no data', args: { src: undefined } };

// Containers, languages, themes --------------------------------------------------------------------

export const Narrow: Story = { name: 'Container: narrow (320 px)', args: { src: undefined, inlineJson: longFigure }, parameters: { iom: { width: 'narrow' } } };
export const Wide: Story = { name: 'Container: wide', render: () => row(HIGHLIGHTS), parameters: { iom: { width: 'wide' } } };

export const Arabic: Story = { name: 'Language: Arabic (RTL), seed data', globals: { locale: 'ar' }, render: () => row(HIGHLIGHTS) };
export const ArabicData: Story = { name: 'Language: Arabic (RTL), Arabic words (fictitious example)', globals: { locale: 'ar' }, args: { src: undefined, inlineJson: arabicFigure } };
/** The data gives its words in four languages: switch the toolbar's language to see each (fictitious example). */
export const Multilingual: Story = { name: 'Language: the data in four languages (fictitious example)', globals: { locale: 'fr' }, args: { src: undefined, inlineJson: multilingualFigure } };
export const French: Story = { name: 'Language: French', globals: { locale: 'fr' }, render: () => row(HIGHLIGHTS) };
export const Spanish: Story = { name: 'Language: Spanish', globals: { locale: 'es' }, render: () => row(HIGHLIGHTS) };
export const ArabicError: Story = { name: 'Language: Arabic (RTL), error', globals: { locale: 'ar' }, args: { src: 'data/annual-report-2023.json#/highlights/peopleReachd' } };

/** With "reduce motion" on, the counter shows its final value at once, even with start="load". */
export const ReducedMotion: Story = { name: 'Reduced motion', tags: ['reduced-motion'], args: { start: 'load', duration: 4000 } };

export const Dark: Story = { name: 'Theme: dark', globals: { theme: 'dark' }, render: () => row(HIGHLIGHTS) };
export const RegionalWarm: Story = { name: 'Theme: regional example, warm', globals: { theme: 'regional-warm' }, render: () => row(HIGHLIGHTS) };
export const RegionalOcean: Story = { name: 'Theme: regional example, ocean', globals: { theme: 'regional-ocean' }, render: () => row(HIGHLIGHTS) };

/** With `download`: "Get the data" under the figure, CSV and JSON of what it shows, made in the browser. */
export const GetTheData: Story = { name: 'Get the data', args: { download: true } };
