// A flaky network drops the first request of the chart code: the ranking shows its table and says
// why, with an iom-error and a Retry that draws the chart. (A page of its own, without chart.js.)
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/donor-ranking/define.js';
import type { DonorRanking } from '../../src/donor-ranking/donor-ranking.js';
import { exampleDonors } from '../fixtures/donors.js';
import { clean, part } from '../support/dom.js';
import { isWebKit } from '../support/browsers.js';
import { failNextRequest } from '../support/server.js';

const chartState = (el: DonorRanking) => el.shadowRoot!.querySelector<HTMLElement>('[part~="chart"]')?.dataset.state;

describe('the chart code, when its first request fails', () => {
  it('shows the table and why, and Retry draws the chart', async function () {
    // chart.js arrives as many modules in the test server.
    this.timeout(30_000);
    await failNextRequest('/src/donor-ranking/chart.ts');
    const host = await fixture<HTMLDivElement>('<div></div>');
    const failed = oneEvent(host, 'iom-error');
    const el = await fixture<DonorRanking>(html`<donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking>`, { parentNode: host });
    const error = await failed;
    expect(error.detail.kind).to.equal('network');
    await waitUntil(() => chartState(el) === 'error', 'the chart failed', { timeout: 12_000 });
    await el.updateComplete;
    // Chromium's and Firefox's errors name the file; WebKit's does not, and the note names the chunk.
    expect(clean(part(el, 'note')?.textContent)).to.contain(isWebKit ? 'iom-widgets.chart.js could not be loaded' : 'src/donor-ranking/chart.ts could not be loaded');
    expect(part(el, 'table')?.getClientRects().length, 'the table is on screen').to.be.greaterThan(0);

    part(el, 'note')!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    // chart.js arrives as many modules in the test server: the test waits for the chart, it does not time it.
    await waitUntil(() => chartState(el) === 'ready', 'the chart drawn after Retry', { timeout: 12_000 });
    expect(part(el, 'note'), 'no note once the chart is drawn').to.equal(null);
  });
});
