// A flaky network drops the first request of the data reader. The widgets waiting for it say why,
// with a Retry that loads it: a list from a CSV file (whose rows the reader parses) and a counter
// with data in an attribute. (Each test file runs in a page of its own: nothing has loaded the reader.)
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { IomElement } from '../../src/base/iom-element.js';
import { fresh, part, shadowText } from '../support/dom.js';
import { failHeldRequest, failNextRequest, heldRequestArrived } from '../support/server.js';

describe('the data reader, when its first request fails', () => {
  it('is asked for beside the file at src; each widget shows why, once, and Retry recovers', async () => {
    await failNextRequest('/src/data/reader.ts', { hold: true });
    const src = fresh('/test/fixtures/emergencies.hxl.csv');
    const host = await fixture<HTMLDivElement>('<div></div>');
    const errors: string[] = [];
    host.addEventListener('iom-error', (e) => errors.push(`${(e.target as Element).localName}: ${e.detail.message}`));
    host.innerHTML = `<emergency-list src="${src}"></emergency-list><stat-counter data='{"value": 4200, "label": "example things"}' start="none"></stat-counter>`;
    const [list, counter] = [...host.children] as IomElement<unknown>[];

    // The reader's request is held: the file at src is requested meanwhile, not after it.
    expect(await heldRequestArrived(), 'the reader was requested').to.equal(true);
    await waitUntil(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith(src)), 'the file at src was requested while the reader was held', { timeout: 10_000 });
    expect([list.status, counter.status], part(list, 'error')?.textContent ?? '').to.deep.equal(['loading', 'loading']);

    await failHeldRequest();
    await Promise.all([list.loadComplete, counter.loadComplete]);
    expect([list.status, counter.status]).to.deep.equal(['error', 'error']);
    for (const el of [list, counter]) {
      expect(part(el, 'error')?.textContent).to.contain("could not load the widgets' data reader");
      expect(part(el, 'retry'), `${el.localName} offers Retry`).to.exist;
    }
    expect(errors.map((e) => e.split(':')[0]).sort(), 'one iom-error each').to.deep.equal(['emergency-list', 'stat-counter']);

    for (const el of [list, counter]) part(el, 'retry')!.click();
    await Promise.all([list.loadComplete, counter.loadComplete]);
    expect([list.status, counter.status]).to.deep.equal(['ready', 'ready']);
    expect(shadowText(list)).to.contain('Lima storm surge (fictitious)');
    expect(part(counter, 'value')?.textContent).to.contain('4,200');
  });
});
