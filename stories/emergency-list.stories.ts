import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import '../src/emergency-list/define.js';
import type { EmergencyList } from '../src/emergency-list/emergency-list.js';
import { arabicEmergencies, fullEmergencies, longEmergencies, noEmergencies } from './fixtures/emergency-list.js';
import { heldSrc, widget, type WidgetArgs } from './support/widget.js';

const SEED = 'data/annual-report-2023.json#/emergencies';

const meta: Meta<WidgetArgs> = {
  title: 'emergency-list',
  component: 'emergency-list',
  tags: ['autodocs'],
  render: widget('emergency-list'),
  argTypes: {
    layout: { control: 'inline-radio', options: ['list', 'grid'] },
    sort: { control: 'select', options: ['', 'name', 'level', 'people', 'funding-gap', 'updated'] },
  },
  args: { src: SEED },
  parameters: {
    docs: {
      description: {
        component:
          'The emergencies IOM responds to, as rows or cards, with optional search, filters, sort and "Show all". Seed stories read `data/annual-report-2023.json` (names only, as the report gives them) and the 2017 snapshot (names and levels); stories marked *fictitious example* use made-up emergencies with every field.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<WidgetArgs>;

/** Types into the search box of the story's list, as a reader would. */
async function search(canvasElement: HTMLElement, text: string): Promise<void> {
  const list = canvasElement.querySelector<EmergencyList>('emergency-list')!;
  await list.loadComplete;
  const input = list.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  await userEvent.type(input, text);
  await list.updateComplete;
}

// Ready, with IOM's figures ----------------------------------------------------------------------

/** The ten ongoing emergencies of the 2023 report: names only, as the report lists them. */
export const Seed: Story = { name: 'Ready: seed data (2023, names only)' };

/** The 2017 snapshot's crisis responses, with their levels (L3, significant crisis response). */
export const Seed2017: Story = { name: 'Ready: seed data (2017, with levels)', args: { src: 'data/iom-at-a-glance-2017.json#/crisisResponses' } };

/** The same 2017 list from an HXL table (the CSV format of HDX exports). */
export const SeedHxl: Story = { name: 'Ready: seed data from an HXL CSV', args: { src: 'data/hxl/crisis-responses-2017.hxl.csv' } };

export const FullFictitious: Story = { name: 'Ready: every field (fictitious example)', args: { src: undefined, inlineJson: fullEmergencies } };

export const LongFictitious: Story = {
  name: 'Ready: forty emergencies, limit 8 (fictitious example)',
  args: { src: undefined, inlineJson: longEmergencies, limit: 8 },
};

// Layouts and options ----------------------------------------------------------------------------

export const LayoutList: Story = { name: 'Layout: list', args: { layout: 'list', src: undefined, inlineJson: fullEmergencies } };
export const LayoutGrid: Story = { name: 'Layout: grid', args: { layout: 'grid', src: undefined, inlineJson: fullEmergencies } };
export const LayoutGridSeed: Story = { name: 'Layout: grid, seed data (2017)', args: { layout: 'grid', src: 'data/iom-at-a-glance-2017.json#/crisisResponses' } };

export const Controls: Story = {
  name: 'Option: search, filters and sort menu (fictitious example)',
  args: { src: undefined, inlineJson: longEmergencies, searchable: true, filters: 'region level type', sortable: true, limit: 10 },
};

export const SortedByFundingGap: Story = {
  name: 'Option: sort="funding-gap" (fictitious example)',
  args: { src: undefined, inlineJson: fullEmergencies, sort: 'funding-gap' },
};

/** A search that finds something. */
export const SearchMatch: Story = {
  name: 'Search: matches (fictitious example)',
  args: { src: undefined, inlineJson: longEmergencies, searchable: true, filters: 'level' },
  play: async ({ canvasElement }) => search(canvasElement, 'emergency C'),
};

/** A search that finds nothing: the "No emergencies match" message and "Clear filters". */
export const SearchNoMatch: Story = {
  name: 'Search: no match (fictitious example)',
  args: { src: undefined, inlineJson: longEmergencies, searchable: true, filters: 'level' },
  play: async ({ canvasElement }) => search(canvasElement, 'Atlantis'),
};

export const HeadingLevel2: Story = { name: 'Option: heading-level="2"', args: { 'heading-level': 2 } };

// Loading, empty, errors --------------------------------------------------------------------------

export const Loading: Story = { name: 'Loading', tags: ['loading'], args: { src: heldSrc(SEED), timeout: 0 } };
export const LoadingGrid: Story = { name: 'Loading, grid', tags: ['loading'], args: { src: heldSrc(SEED), timeout: 0, layout: 'grid' } };

export const Empty: Story = { name: 'Empty: no emergencies', args: { src: undefined, inlineJson: noEmergencies } };

export const ErrorBadJson: Story = { name: 'Error: data attribute is not valid JSON', args: { src: undefined, data: '[{ "name": "Haiti" }, ]' } };
export const ErrorNotFound: Story = { name: 'Error: file not found (404)', tags: ['http-error'], args: { src: 'data/annual-report-2022.json#/emergencies' } };
export const ErrorBadPointer: Story = { name: 'Error: JSON Pointer to nothing', args: { src: 'data/annual-report-2023.json#/emergency' } };
export const ErrorValidation: Story = {
  name: 'Error: data of the wrong shape',
  args: { src: undefined, data: JSON.stringify({ emergencies: [{ name: 'Example emergency A (fictitious)', iso3: 'Example' }] }) },
};
export const ErrorHxl: Story = {
  name: 'Error: HXL table without a name column',
  args: { src: 'data/hxl/top-donors-2023.hxl.csv' },
};
export const ErrorTimeout: Story = { name: 'Error: timeout', args: { src: heldSrc(SEED), timeout: 1500 } };
export const ErrorNoData: Story = { name: 'Error: no data given', args: { src: undefined } };

// Containers, languages, themes --------------------------------------------------------------------

export const Narrow: Story = { name: 'Container: narrow (320 px)', args: { src: undefined, inlineJson: fullEmergencies, searchable: true, filters: 'level' }, parameters: { iom: { width: 'narrow' } } };
export const NarrowGrid: Story = { name: 'Container: narrow (320 px), grid', args: { src: undefined, inlineJson: fullEmergencies, layout: 'grid' }, parameters: { iom: { width: 'narrow' } } };
export const Wide: Story = { name: 'Container: wide, grid', args: { src: undefined, inlineJson: fullEmergencies, layout: 'grid' }, parameters: { iom: { width: 'wide' } } };

export const Arabic: Story = { name: 'Language: Arabic (RTL), seed data', globals: { locale: 'ar' }, args: { src: 'data/iom-at-a-glance-2017.json#/crisisResponses' } };
export const ArabicData: Story = {
  name: 'Language: Arabic (RTL), Arabic words (fictitious example)',
  globals: { locale: 'ar' },
  args: { src: undefined, inlineJson: arabicEmergencies, searchable: true, filters: 'level', sortable: true },
};
export const French: Story = { name: 'Language: French (fictitious example)', globals: { locale: 'fr' }, args: { src: undefined, inlineJson: fullEmergencies, searchable: true, filters: 'region level', sortable: true } };
export const Spanish: Story = { name: 'Language: Spanish (fictitious example)', globals: { locale: 'es' }, args: { src: undefined, inlineJson: fullEmergencies, searchable: true, filters: 'region level', sortable: true } };
export const ArabicError: Story = { name: 'Language: Arabic (RTL), error', globals: { locale: 'ar' }, args: { src: 'data/annual-report-2023.json#/emergency' } };

export const ReducedMotion: Story = { name: 'Reduced motion', tags: ['reduced-motion'], args: { src: undefined, inlineJson: fullEmergencies, layout: 'grid' } };

export const Dark: Story = { name: 'Theme: dark (fictitious example)', globals: { theme: 'dark' }, args: { src: undefined, inlineJson: fullEmergencies, searchable: true, filters: 'level' } };
export const DarkGrid: Story = { name: 'Theme: dark, grid (fictitious example)', globals: { theme: 'dark' }, args: { src: undefined, inlineJson: fullEmergencies, layout: 'grid' } };
export const RegionalWarm: Story = { name: 'Theme: regional example, warm (fictitious example)', globals: { theme: 'regional-warm' }, args: { src: undefined, inlineJson: fullEmergencies, layout: 'grid' } };
export const RegionalOcean: Story = { name: 'Theme: regional example, ocean (fictitious example)', globals: { theme: 'regional-ocean' }, args: { src: undefined, inlineJson: fullEmergencies, searchable: true, filters: 'level' } };
