// The chart chunk is downloaded only when a chart is shown. Each test file runs on its own page,
// so this one starts with chart.js never loaded: it must not import chart.js or chart.ts itself.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/donor-ranking/define.js';
import type { DonorRanking } from '../src/donor-ranking/donor-ranking.js';
import { exampleDonors } from './fixtures/donors.js';
import { frames } from './support/dom.js';

// The runner loads many modules; make room so that every request is recorded.
performance.setResourceTimingBufferSize(100000);

const chartEntries = () =>
  performance.getEntriesByType('resource').filter((e) => /\/donor-ranking\/chart\.(js|ts)$|\/node_modules\/chart\.js\//.test(new URL(e.name).pathname));
/** Requests made so far for the chart module (src/donor-ranking/chart.ts) and for chart.js itself. */
function chartRequests() {
  const names = chartEntries().map((e) => new URL(e.name).pathname);
  return {
    module: names.filter((n) => /\/donor-ranking\/chart\.(js|ts)$/.test(n)).length,
    library: names.filter((n) => /\/node_modules\/chart\.js\//.test(n)).length,
  };
}

// In the test server chart.js arrives as many separate modules: on a loaded machine that takes a
// while. The tests wait for the chart; they do not time it.
const drawn = (el: DonorRanking) => waitUntil(() => el.shadowRoot!.querySelector<HTMLElement>('.chart')?.dataset.state === 'ready', 'chart drawn', { timeout: 25_000 });

describe('donor-ranking: the lazy chart', function () {
  this.timeout(30_000);
  it('downloads the chart code only when a chart is shown, and only once per page', async () => {
    const list = await fixture<DonorRanking>(html`<donor-ranking switchable .data=${exampleDonors()}></donor-ranking>`);
    const table = await fixture<DonorRanking>(html`<donor-ranking view="table" .data=${exampleDonors()}></donor-ranking>`);
    // A chart view with rank-only data has nothing to chart, so it needs no chart code either.
    const rankOnly = await fixture<DonorRanking>(html`<donor-ranking view="chart" .data=${[{ name: 'Example donor A' }, { name: 'Example donor B' }]}></donor-ranking>`);
    await Promise.all([list.updateComplete, table.updateComplete, rankOnly.updateComplete]);
    // Laid out and painted: each element's ResizeObserver has reported its size, which is when a chart would load.
    await frames(2);
    expect(chartRequests(), 'before any chart').to.deep.equal({ module: 0, library: 0 });
    expect(rankOnly.shadowRoot!.querySelector('[part="list"]')).to.exist;

    // The reader picks the chart view in the switch.
    const picked = performance.now();
    list.shadowRoot!.querySelector<HTMLInputElement>('input[value="chart"]')!.click();
    await drawn(list);
    // A request is listed only once answered, so one started before the pick (still in flight
    // when checked above) shows here, starting before it.
    expect(chartEntries().filter((e) => e.startTime < picked).map((e) => e.name), 'requests started before the chart was picked').to.deep.equal([]);
    const after = chartRequests();
    expect(after.module, 'chart module requests').to.equal(1);
    expect(after.library, 'chart.js requests').to.be.greaterThan(0);

    // A second chart on the page reuses the module: no new request.
    const second = await fixture<DonorRanking>(html`<donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking>`);
    await drawn(second);
    expect(chartRequests()).to.deep.equal(after);
  });
});
