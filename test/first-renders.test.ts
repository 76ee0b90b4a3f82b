import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { StatCounter } from '../src/stat-counter/stat-counter.js';
import { defineElement } from '../src/base/define-element.js';
import { fresh, part } from './support/dom.js';
import { heldUrl, releaseHeld } from './support/server.js';
import { hasWords } from '../src/i18n/words.js';
import { needsLayoutShiftApi } from './support/browsers.js';

// Widgets written into the page before their script defines them (src/base/takeover.ts): what the
// page showed (content in slot="fallback", a prerendered shadow root) stays until the widget has
// its figures, then it changes once; a widget with nothing of its own shows its loading state or
// its figure from the first frame after its definition. Each test defines a subclass under a tag
// of its own, so that its elements are upgraded by a definition as a page's are. Every figure
// here is fictitious.

let tags = 0;
/** A tag not defined yet, and the class it will be defined with. */
function freshCounter(): { tag: string; define: () => void } {
  const tag = `upgraded-counter-${++tags}`;
  return { tag, define: () => defineElement(tag, class extends StatCounter {}) };
}

/** The layout-shift entries of Chromium's Layout Instability API (a test skips where there is none). */
function watchShifts(): { total: () => number; stop: () => void } {
  let sum = 0;
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => (sum += (e as PerformanceEntry & { value: number }).value)));
  observer.observe({ type: 'layout-shift' });
  return {
    total: () => {
      observer.takeRecords().forEach((e) => (sum += (e as PerformanceEntry & { value: number }).value));
      return sum;
    },
    stop: () => observer.disconnect(),
  };
}

/**
 * Samples `read()` once now and at every animation frame until `until` has settled and at least
 * `atLeast` frames have come: a sampler that saw no frame would prove nothing.
 */
async function everyFrame<T>(read: () => T, until: Promise<unknown>, atLeast = 1): Promise<T[]> {
  const samples = [read()];
  let settled = false;
  void until.then(() => (settled = true));
  await new Promise<void>((resolve) => {
    const sample = () => {
      samples.push(read());
      if (settled && samples.length > atLeast) resolve();
      else requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  return samples;
}

/** Samples `read()` at each of the next `count` animation frames. */
async function nextFrames<T>(read: () => T, count: number): Promise<T[]> {
  return everyFrame(read, Promise.resolve(), count).then((samples) => samples.slice(1));
}

describe('first renders of widgets upgraded by their definition', () => {
  // First in the file: the test page has loaded no Spanish words yet (no other test here uses them).
  it('keep their fallback until the words of their language are in: from what the page showed to the figure in one step', async () => {
    expect(hasWords('es'), 'the Spanish words are not loaded yet').to.equal(false);
    const { tag, define } = freshCounter();
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.innerHTML = ['en', 'es', 'es']
      .map((locale, i) => `<${tag} value="${4200 + i}" label="example things" locale="${locale}" start="none"><span slot="fallback">${4200 + i} example things</span></${tag}>`)
      .join('');
    const counters = [...wrap.children] as StatCounter[];
    // What a counter shows: its loading state, its figure, or what the page showed.
    const shows = (el: StatCounter) => (part(el, 'skeleton')?.getClientRects().length ? 'loading' : part(el, 'value')?.getClientRects().length ? 'figure' : 'fallback');
    define();
    // (The frames only: what the page showed before the definition's task is not a frame after it.)
    const frames = (await everyFrame(() => counters.map(shows), Promise.all(counters.map((el) => el.updateComplete)))).slice(1);
    frames.push(counters.map(shows));
    for (const [i, el] of counters.entries()) {
      const seen = frames.map((f) => f[i]).filter((s, at, all) => at === 0 || all[at - 1] !== s);
      // Once it is needed (in view: as soon as the browser has laid the page out; a frame of what
      // the page showed may come first), and for the Spanish ones once their words are in: never a
      // loading state, never nothing.
      expect(seen.join(), `what counter ${i} (${el.locale}) showed, in order`).to.match(/^(fallback,)?figure$/);
    }
    expect(hasWords('es')).to.equal(true);
  });

  /**
   * Six counters with nothing of their own, three from attributes and three from a file the test
   * server holds back, defined after one frame: what each shows then, and the page once the file is in.
   */
  async function sixCounters() {
    const { tag, define } = freshCounter();
    const { url, key } = heldUrl('/test/fixtures/stat-counter.json');
    const wrap = await fixture<HTMLElement>(html`<div style="font-size: 12px">
      <div class="grid" style="display: grid; grid-template-columns: repeat(3, minmax(0, 1fr))"></div>
      <p class="after">After the figures</p>
    </div>`);
    wrap.querySelector('.grid')!.innerHTML = [0, 1, 2]
      .map((i) => `<${tag} value="${1000 + i}" label="example things" start="none"></${tag}><${tag} src="${fresh(url)}#/highlights/exampleValueOnly" label="example things" start="none"></${tag}>`)
      .join('');
    const counters = [...wrap.querySelectorAll(tag)] as StatCounter[];
    const after = wrap.querySelector<HTMLElement>('.after')!;
    define();
    await new Promise(requestAnimationFrame);
    return { counters, after, release: () => releaseHeld(key).then(() => Promise.all(counters.map((el) => el.loadComplete))).then(() => new Promise(requestAnimationFrame)) };
  }

  it('with nothing of their own on the page, show their loading state or figure from the first frame after their definition, and nothing moves after it', async () => {
    const { counters, after, release } = await sixCounters();
    expect(counters.map((el) => el.status).sort(), 'on screen from the first frame').to.deep.equal(['loading', 'loading', 'loading', 'ready', 'ready', 'ready']);
    expect(counters.every((el) => el.getBoundingClientRect().height > 0), 'every counter takes its space').to.equal(true);
    const below = after.getBoundingClientRect().top;
    await release();
    expect(counters.map((el) => el.status)).to.deep.equal(['ready', 'ready', 'ready', 'ready', 'ready', 'ready']);
    expect(after.getBoundingClientRect().top, 'the paragraph below did not move').to.equal(below);
  });

  it('with nothing of their own on the page, record no layout shift after the first frame', async function () {
    needsLayoutShiftApi(this);
    const { release } = await sixCounters();
    const shifts = watchShifts();
    await release();
    const moved = shifts.total();
    shifts.stop();
    expect(moved, 'layout shift once the figures came').to.equal(0);
  });

  it('keep their fallback while src loads, then show the figure: never a loading state', async () => {
    const { tag, define } = freshCounter();
    const { url, key } = heldUrl('/test/fixtures/stat-counter.json');
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.innerHTML = `<${tag} src="${fresh(url)}#/highlights/exampleValueOnly" label="example things" start="none"><span slot="fallback">1,234 example things</span></${tag}>`;
    const el = wrap.firstElementChild as StatCounter;
    const shows = () => (part(el, 'skeleton') ? 'loading' : part(el, 'value')?.getClientRects().length ? 'figure' : el.getBoundingClientRect().height > 0 ? 'fallback' : 'nothing');
    define();
    // Two frames while the file is held back, then the rest until it is on screen.
    const frames = [...(await nextFrames(shows, 2)), ...(await everyFrame(shows, releaseHeld(key).then(() => el.loadComplete)))];
    frames.push(shows());
    expect(frames.slice(0, 2), 'while src loads').to.deep.equal(['fallback', 'fallback']);
    expect(frames.filter((f, at, all) => at === 0 || all[at - 1] !== f)).to.deep.equal(['fallback', 'figure']);
    // Its own styles are back: a block, its value larger than its label.
    expect(getComputedStyle(el).display).to.equal('block');
    expect(parseFloat(getComputedStyle(part(el, 'value')!).fontSize)).to.be.greaterThan(parseFloat(getComputedStyle(part(el, 'label')!).fontSize));
  });

  it('announce iom-load and complete their update once they are on screen', async () => {
    const { tag, define } = freshCounter();
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.innerHTML = `<${tag} data='{"value": 4200, "label": "example things"}' start="none"><span slot="fallback">4,200 example things</span></${tag}>`;
    const el = wrap.firstElementChild as StatCounter;
    const onScreen = () => (part(el, 'value')?.getBoundingClientRect().height ?? 0) > 0;
    const loaded = oneEvent(el, 'iom-load').then(() => onScreen());
    define();
    expect(await loaded, 'the figure on screen when iom-load fires').to.equal(true);
    await el.updateComplete;
    expect(onScreen(), 'the figure on screen once the update is complete').to.equal(true);
  });

  it('stay hidden while they keep their fallback, when the page hides them', async () => {
    const { tag, define } = freshCounter();
    const { url, key } = heldUrl('/test/fixtures/stat-counter.json');
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.innerHTML = `<${tag} hidden src="${fresh(url)}#/highlights/exampleValueOnly" start="none"><span slot="fallback">1,234 example things</span></${tag}>`;
    const el = wrap.firstElementChild as StatCounter;
    define();
    const height = () => el.getBoundingClientRect().height;
    // Two frames while the file is held back (the fallback kept), then the rest until the figure is in.
    const heights = [...(await nextFrames(height, 2)), ...(await everyFrame(height, releaseHeld(key).then(() => el.loadComplete)))];
    heights.push(height());
    expect(el.status).to.equal('ready');
    expect(heights.filter((h) => h > 0), 'frames that showed a hidden counter').to.deep.equal([]);
  });

  it('start counting up once they are on screen', async () => {
    const { tag, define } = freshCounter();
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.innerHTML = `<${tag} value="4200" label="example things" start="load" duration="60000"><span slot="fallback">4,200 example things</span></${tag}>`;
    const el = wrap.firstElementChild as StatCounter;
    // (A long count: its first frame comes however busy the machine is, before the count ends.)
    // The count's first step writes the moving digits: at that moment the figure must be on screen.
    const counting = new Promise<boolean>((resolve) => {
      const observer = new MutationObserver(() => {
        const value = part(el, 'value');
        if (!value?.hasAttribute('data-counting')) return;
        observer.disconnect();
        resolve(value.getBoundingClientRect().height > 0);
      });
      define();
      observer.observe(el.shadowRoot!, { subtree: true, attributes: true, childList: true });
    });
    expect(await counting, 'the figure on screen when its count starts').to.equal(true);
    const ended = oneEvent(el, 'iom-count-end');
    el.start = 'none';
    await ended;
  });

  it('keep a prerendered shadow root on screen until they render in it', async () => {
    const { tag, define } = freshCounter();
    const wrap = await fixture<HTMLElement>(html`<div></div>`);
    wrap.setHTMLUnsafe(`<${tag} value="4200" label="example things" start="none"><template shadowrootmode="open"><p>4,200 example things (prerendered)</p></template></${tag}>`);
    const el = wrap.firstElementChild as StatCounter;
    const height = el.getBoundingClientRect().height;
    expect(height).to.be.greaterThan(0);
    define();
    const shown = await everyFrame(() => el.getBoundingClientRect().height, el.updateComplete);
    expect(shown.filter((h) => h === 0), 'frames with nothing on screen').to.deep.equal([]);
    expect(part(el, 'value')!.textContent!.replace(/\s+/g, '')).to.equal('4,200');
  });
});
