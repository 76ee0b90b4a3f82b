import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/donor-ranking/define.js';
import { arabicDonors, exampleDonors, noDonors } from './fixtures/donor-ranking.js';
import { heldSrc, widget, type WidgetArgs } from './support/widget.js';

const SEED = 'data/annual-report-2023.json#/funding/topDonors';

const meta: Meta<WidgetArgs> = {
  title: 'donor-ranking',
  component: 'donor-ranking',
  tags: ['autodocs'],
  render: widget('donor-ranking'),
  argTypes: {
    view: { control: 'inline-radio', options: ['list', 'chart', 'table'] },
  },
  args: { src: SEED },
  parameters: {
    docs: {
      description: {
        component:
          'Top donors as a ranked list, a bar chart or a table. IOM’s 2023 ranking (`data/annual-report-2023.json`) gives names and rank only, so the seed stories show no amounts or bars; stories marked *fictitious example* use made-up donors with amounts.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<WidgetArgs>;

// Ready, with IOM's figures ----------------------------------------------------------------------

/** The top 20 donors of 2023, in rank order, without amounts (as the report gives them). */
export const Seed: Story = { name: 'Ready: seed data (top 20 of 2023)', args: { limit: 0 } };
export const SeedLimited: Story = { name: 'Ready: seed data, limit 10 with "Show all"' };
export const SeedAlphabetical: Story = {
  name: 'Ready: seed data, an alphabetical list (unearmarked funding)',
  args: { src: 'data/annual-report-2023.json#/funding/unearmarkedContributors', limit: 0 },
};
export const SeedHxl: Story = { name: 'Ready: seed data from an HXL CSV', args: { src: 'data/hxl/top-donors-2023.hxl.csv' } };
export const SeedHighlight: Story = { name: 'Option: highlight="Switzerland", past the limit', args: { highlight: 'Switzerland', limit: 5 } };

export const LongFictitious: Story = { name: 'Ready: thirty donors with amounts (fictitious example)', args: { src: undefined, inlineJson: exampleDonors } };

// Views and options ------------------------------------------------------------------------------

export const ViewList: Story = { name: 'View: list (fictitious example)', args: { view: 'list', src: undefined, inlineJson: exampleDonors } };
export const ViewChart: Story = { name: 'View: chart (fictitious example)', args: { view: 'chart', src: undefined, inlineJson: exampleDonors } };
export const ViewTable: Story = { name: 'View: table (fictitious example)', args: { view: 'table', src: undefined, inlineJson: exampleDonors } };
export const ViewChartSeed: Story = { name: 'View: chart, seed data without amounts', args: { view: 'chart' } };
export const ViewTableSeed: Story = { name: 'View: table, seed data', args: { view: 'table', limit: 0 } };
export const Switchable: Story = { name: 'Option: switchable (fictitious example)', args: { switchable: true, src: undefined, inlineJson: exampleDonors } };
export const GroupByType: Story = { name: 'Option: group-by-type (fictitious example)', args: { 'group-by-type': true, limit: 0, src: undefined, inlineJson: exampleDonors } };
export const HighlightFictitious: Story = {
  name: 'Option: highlight, chart (fictitious example)',
  args: { view: 'chart', highlight: 'Example donor L (fictitious)', src: undefined, inlineJson: exampleDonors },
};

// Loading, empty, errors --------------------------------------------------------------------------

export const Loading: Story = { name: 'Loading', tags: ['loading'], args: { src: heldSrc(SEED), timeout: 0 } };
export const LoadingChart: Story = { name: 'Loading, chart', tags: ['loading'], args: { src: heldSrc(SEED), timeout: 0, view: 'chart' } };

export const Empty: Story = { name: 'Empty: no donors', args: { src: undefined, inlineJson: noDonors } };

export const ErrorBadJson: Story = { name: 'Error: data attribute is not valid JSON', args: { src: undefined, data: "{ donors: ['Germany'] }" } };
export const ErrorNotFound: Story = { name: 'Error: file not found (404)', tags: ['http-error'], args: { src: 'data/annual-report-2022.json#/funding/topDonors' } };
export const ErrorBadPointer: Story = { name: 'Error: JSON Pointer to nothing', args: { src: 'data/annual-report-2023.json#/funding/top-donors' } };
export const ErrorValidation: Story = {
  name: 'Error: data of the wrong shape',
  args: { src: undefined, data: JSON.stringify({ currency: 'USD', donors: [{ name: 'Example donor A (fictitious)', amount: 1200 }, { name: 'Example donor B (fictitious)', amount: '1,200' }] }) },
};
export const ErrorHxl: Story = { name: 'Error: HXL table without a donor column', args: { src: 'data/hxl/crisis-responses-2017.hxl.csv' } };
export const ErrorTimeout: Story = { name: 'Error: timeout', args: { src: heldSrc(SEED), timeout: 1500 } };
export const ErrorNoData: Story = { name: 'Error: no data given', args: { src: undefined } };

// Containers, languages, themes --------------------------------------------------------------------

export const Narrow: Story = { name: 'Container: narrow (320 px) (fictitious example)', args: { src: undefined, inlineJson: exampleDonors, switchable: true }, parameters: { iom: { width: 'narrow' } } };
export const NarrowTable: Story = { name: 'Container: narrow (320 px), table (fictitious example)', args: { src: undefined, inlineJson: exampleDonors, view: 'table' }, parameters: { iom: { width: 'narrow' } } };
export const NarrowChart: Story = { name: 'Container: narrow (320 px), chart (fictitious example)', args: { src: undefined, inlineJson: exampleDonors, view: 'chart' }, parameters: { iom: { width: 'narrow' } } };
export const Wide: Story = { name: 'Container: wide (fictitious example)', args: { src: undefined, inlineJson: exampleDonors, switchable: true }, parameters: { iom: { width: 'wide' } } };

export const Arabic: Story = { name: 'Language: Arabic (RTL), seed data', globals: { locale: 'ar' } };
export const ArabicData: Story = { name: 'Language: Arabic (RTL), Arabic words (fictitious example)', globals: { locale: 'ar' }, args: { src: undefined, inlineJson: arabicDonors, switchable: true } };
export const ArabicChart: Story = { name: 'Language: Arabic (RTL), chart (fictitious example)', globals: { locale: 'ar' }, args: { src: undefined, inlineJson: arabicDonors, view: 'chart' } };
export const French: Story = { name: 'Language: French (fictitious example)', globals: { locale: 'fr' }, args: { src: undefined, inlineJson: exampleDonors, switchable: true } };
export const Spanish: Story = { name: 'Language: Spanish (fictitious example)', globals: { locale: 'es' }, args: { src: undefined, inlineJson: exampleDonors, switchable: true } };
export const ArabicError: Story = { name: 'Language: Arabic (RTL), error', globals: { locale: 'ar' }, args: { src: 'data/annual-report-2023.json#/funding/top-donors' } };

export const ReducedMotion: Story = { name: 'Reduced motion, chart (fictitious example)', tags: ['reduced-motion'], args: { src: undefined, inlineJson: exampleDonors, view: 'chart' } };

export const Dark: Story = { name: 'Theme: dark (fictitious example)', globals: { theme: 'dark' }, args: { src: undefined, inlineJson: exampleDonors, switchable: true } };
export const DarkChart: Story = { name: 'Theme: dark, chart (fictitious example)', globals: { theme: 'dark' }, args: { src: undefined, inlineJson: exampleDonors, view: 'chart' } };
export const RegionalWarm: Story = { name: 'Theme: regional example, warm (fictitious example)', globals: { theme: 'regional-warm' }, args: { src: undefined, inlineJson: exampleDonors } };
export const RegionalOcean: Story = { name: 'Theme: regional example, ocean, chart (fictitious example)', globals: { theme: 'regional-ocean' }, args: { src: undefined, inlineJson: exampleDonors, view: 'chart' } };

/** With `download`: "Get the data" under the ranking, CSV and JSON of the donors it shows, in its order. */
export const GetTheData: Story = { name: 'Get the data', args: { download: true } };
