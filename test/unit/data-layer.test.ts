// The data layer's pure parts, in Node: JSON Pointers, CSV and HXL tables, safe links, the words of
// the four languages. Through a widget, in the browsers: test/data-layer.test.ts.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { resolvePointer, parsePointer } from '../../src/data/json-pointer.js';
import { mapHxl, isHxlTable } from '../../src/data/hxl.js';
import { parseCsv } from '../../src/data/csv.js';
import { safeUrl } from '../../src/data/safe-url.js';
import { languageOf } from '../../src/i18n/locale.js';
import { msg, loadWords } from '../../src/i18n/words.js';

describe('JSON Pointer', () => {
  const doc = { a: { 'b/c': [1, { '~x': 'deep' }] }, '': 'empty key' };
  it('resolves tokens, array indexes and the ~0 / ~1 escapes', () => {
    expect(resolvePointer(doc, '/a/b~1c/1/~0x', 'doc')).to.equal('deep');
    expect(resolvePointer(doc, '', 'doc')).to.equal(doc);
    expect(resolvePointer(doc, '/', 'doc')).to.equal('empty key');
    expect(parsePointer('/a~01')).to.deep.equal(['a~1']);
  });
  it('names the pointer and the file when nothing is there', () => {
    expect(() => resolvePointer(doc, '/funding/topDonors', '/data/report.json')).to.throw('/funding/topDonors not found in /data/report.json');
    expect(() => resolvePointer(doc, '/a/b~1c/7', 'f.json')).to.throw('that list has 2 items');
    expect(() => resolvePointer(doc, 'a', 'f.json')).to.throw('must start with "/"');
  });
});

describe('HXL and CSV', () => {
  const table = [
    ['Name', 'Extra', 'Funding'],
    ['#value +usd', '#meta', '#org+funder+name'],
    ['12', 'x', 'Alpha'],
    ['', '', ''],
    [null, 'y', 'Beta'],
  ];
  it('maps columns by hashtag, attributes in any order, extra columns ignored', () => {
    expect(isHxlTable(table)).to.be.true;
    expect(mapHxl(table, { name: { tag: '#org+name', required: true }, amount: { tag: '#value+usd', type: 'number' } })).to.deep.equal([
      { name: 'Alpha', amount: 12 },
      { name: 'Beta' },
    ]);
  });
  it('names a missing required hashtag and the columns it found', () => {
    expect(() => mapHxl(table, { name: { tag: '#country+name', required: true, describes: 'the country' } })).to.throw(
      'HXL table has no #country+name column (the country); its columns are #value+usd, #meta, #org+funder+name',
    );
  });
  it('names the row and column of a bad number', () => {
    const bad = [['#org+name', '#value+usd'], ['A', '1,200']];
    expect(() => mapHxl(bad, { name: { tag: '#org+name' }, amount: { tag: '#value', type: 'number' } })).to.throw('row 2, #value must be a number, got "1,200"');
  });
  it('is not fooled by an ordinary table', () => {
    expect(isHxlTable([['a', 'b'], ['1', '2']])).to.be.false;
    expect(isHxlTable({})).to.be.false;
  });
  it('parses CSV with quotes, commas and CRLF', () => {
    expect(parseCsv('\ufeffa,"b, c"\r\n"say ""hi""",d\n')).to.deep.equal([
      ['a', 'b, c'],
      ['say "hi"', 'd'],
    ]);
  });
});

describe('links', () => {
  it('follows only http(s) and relative links', () => {
    expect(safeUrl('https://www.iom.int/')).to.equal('https://www.iom.int/');
    expect(safeUrl('/relative/page')).to.equal('/relative/page');
    expect(safeUrl('page#x')).to.equal('page#x');
    expect(safeUrl('javascript:alert(1)')).to.be.undefined;
    expect(safeUrl(' JaVa\tScRiPt:alert(1)')).to.be.undefined;
    expect(safeUrl('data:text/html,x')).to.be.undefined;
    expect(safeUrl(42)).to.be.undefined;
    expect(safeUrl('')).to.be.undefined;
  });
});

describe('words', () => {
  it('has every word in the four languages', async () => {
    await Promise.all([loadWords('ar'), loadWords('fr')]);
    expect(languageOf('fr-CH')).to.equal('fr');
    expect(languageOf('de')).to.equal('en');
    expect(msg('ar', 'retry')).to.equal('إعادة المحاولة');
    expect(msg('fr', 'showAll', { count: 20 })).to.equal('Afficher les 20');
  });
});
