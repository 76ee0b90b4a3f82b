// The fallback content written from a widget's rendering (src/prerender/fallback.ts): what a reader
// without JavaScript, a crawler or a link preview gets in place of the widget.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fallbackFrom } from '../../src/prerender/fallback.js';

describe('fallbackFrom', () => {
  it('keeps words, figures and links, and drops styles, decoration and styling hooks', () => {
    const out = fallbackFrom(
      '<style>p{}</style><div part="base" class="base"><p class="figure" id="x">2.5 million <span aria-hidden="true">▲</span></p><a href="https://example.org/">Source</a></div>',
    );
    assert.equal(out, '<div slot="fallback"><div><p>2.5 million </p><a href="https://example.org/">Source</a></div></div>');
  });

  it('drops the controls, their labels and the line that describes them, and keeps the items', () => {
    const out = fallbackFrom(
      '<label class="control search">Search emergencies <input type="search"></label>' +
        '<label class="control">Region <select><option>All</option></select></label>' +
        '<p part="count" class="count" data-fallback="omit">10 of 10 emergencies</p>' +
        '<ul><li><h3>Example flood response (fictitious)</h3></li></ul><button>Show all 10</button>',
    );
    assert.equal(out, '<div slot="fallback"><ul><li><h3>Example flood response (fictitious)</h3></li></ul></div>');
  });

  it('writes a ranking that numbers its own rows (ties share a rank) as a ul, so that nothing is numbered twice', () => {
    const out = fallbackFrom(
      '<ol role="list"><li data-rank="1"><span class="rank">1</span> Example donor A (fictitious)</li><li data-rank="1"><span class="rank">1</span> Example donor B (fictitious)</li></ol>',
    );
    assert.equal(out, '<div slot="fallback"><ul><li>1 Example donor A (fictitious)</li><li>1 Example donor B (fictitious)</li></ul></div>');
  });
});
