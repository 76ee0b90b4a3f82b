// The WordPress block's data (wordpress/editor/data.ts), in Node: its `src` split and joined, and
// an address as an editor types it. The entries each widget is offered, checked as the embed
// builder checks them (in the browser), and the blocks in the real editor: `npm run test:wordpress`.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { joinSrc, resolveAddress, splitSrc } from '../../wordpress/editor/data.js';

describe('the WordPress block’s data', () => {
  it('splits a src into its address and JSON Pointer, and joins them back', () => {
    expect(splitSrc('/d/report.json#/objectives/0')).to.deep.equal({ address: '/d/report.json', pointer: '/objectives/0' });
    expect(splitSrc('/d/report.json#/a%20b')).to.deep.equal({ address: '/d/report.json', pointer: '/a b' });
    expect(splitSrc('/d/top.csv')).to.deep.equal({ address: '/d/top.csv', pointer: '' });
    expect(splitSrc(undefined)).to.deep.equal({ address: '', pointer: '' });
    expect(joinSrc('/d/report.json', '/objectives/0')).to.equal('/d/report.json#/objectives/0');
    expect(joinSrc('/d/top.csv', '')).to.equal('/d/top.csv');
    expect(joinSrc('', '/objectives/0')).to.equal('');
  });

  it('reads a plain file name as a file of the data folder, and keeps addresses and paths from the root', () => {
    const folder = 'https://example.org/wp-content/plugins/iom-widgets/data/';
    expect(resolveAddress(' annual-report-2023.json ', folder)).to.equal(`${folder}annual-report-2023.json`);
    expect(resolveAddress('./hxl/top-donors-2023.hxl.csv', folder)).to.equal(`${folder}hxl/top-donors-2023.hxl.csv`);
    expect(resolveAddress('/data/x.json', folder)).to.equal('/data/x.json');
    expect(resolveAddress('https://cdn.example/x.json', folder)).to.equal('https://cdn.example/x.json');
    expect(resolveAddress('', folder)).to.equal('');
  });

});
