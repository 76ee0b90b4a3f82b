// OCHA's Financial Tracking Service (FTS), public API v1: `…/v1/public/fts/flow?…` (no key).
// Documented at https://api.hpc.tools/docs/v1/; recorded responses in test/fixtures/sources/.
//
//   { "status": "ok",
//     "data": { "incoming": { "fundingTotal": 269845183, … },
//               "report1": { "fundingTotals": { "total": …, "objects": [
//                 { "type": "Organization", "direction": "source",
//                   "singleFundingObjects": [{ "id": 2933, "name": "United States of America, Government of", "totalFunding": 500 }, …] } ] } },
//               "flows": [{ "amountUSD": 726738, "boundary": "incoming", "sourceObjects": [{ "type": "Organization", "name": … }] }, …] },
//     "meta": { "language": "en", "nextLink": "…&page=2" } }
//
// With `groupby=organization`, a report's `fundingTotals` gives the funding of each source
// organisation: the donors of `<donor-ranking>`, in USD. Without a grouping the response lists
// flows, which are added up by source organisation when the response holds them all (no
// `meta.nextLink`, and as many as `meta.count` says).
import { DataError } from '../errors.js';
import { at, isObject, missing, queryValue, yearOf, type Citation, type Json, type ReadContext } from './common.js';

const FTS = 'OCHA Financial Tracking Service (FTS)';


interface Funder {
  name: string;
  amount: number;
}

/** The donors of an FTS response, largest first, as `<donor-ranking>` data. */
export function donorsFromFts(doc: Json, ctx: ReadContext): unknown {
  const data = doc.data as Json;
  const byOrganisation = sourceOrganisations(data);
  const funders = byOrganisation ?? fromFlows(data, doc);
  const year = yearOf(queryValue(ctx.url, 'year'));
  const source: Citation = { title: 'Financial Tracking Service (FTS)', publisher: 'OCHA', url: 'https://fts.unocha.org/', ...(year ? { year } : {}) };
  const total = byOrganisation ? at(data, 'report1', 'fundingTotals', 'total') : undefined;
  return {
    ...(year ? { year } : {}),
    currency: 'USD',
    order: 'rank',
    ...(typeof total === 'number' && total > 0 ? { total } : {}),
    donors: funders.sort((a, b) => b.amount - a.amount),
    source,
  };
}

/** `fundingTotals.objects[]` of type Organization and direction source, in any report: one funder per organisation. */
function sourceOrganisations(data: Json): Funder[] | undefined {
  for (const report of ['report1', 'report2', 'report3']) {
    const objects = at(data, report, 'fundingTotals', 'objects');
    if (!Array.isArray(objects)) continue;
    const group = objects.find((o) => isObject(o) && o.type === 'Organization' && o.direction === 'source');
    if (!group) continue;
    const single = (group as Json).singleFundingObjects;
    if (!Array.isArray(single)) throw missing(FTS, `data.${report}.fundingTotals.objects[].singleFundingObjects`);
    return single.flatMap((o, i) => {
      if (!isObject(o) || typeof o.name !== 'string' || typeof o.totalFunding !== 'number') {
        throw missing(FTS, `name and totalFunding in data.${report}.fundingTotals.objects[].singleFundingObjects[${i}]`);
      }
      // "Not specified" (no organisation behind it) is not a donor; nor is a source of nothing.
      return o.id === undefined || o.totalFunding <= 0 ? [] : [{ name: o.name.trim(), amount: o.totalFunding }];
    });
  }
  return undefined;
}

/** The flows of the response added up by source organisation (incoming flows, when the response says which). */
function fromFlows(data: Json, doc: Json): Funder[] {
  const flows = data.flows;
  if (!Array.isArray(flows)) {
    throw missing(FTS, 'funding by source organisation (data.report1.fundingTotals) and no flows', 'add groupby=organization to the address');
  }
  // A response that is one page of its flows (FTS gives them by pages, `meta.count` in all).
  const count = at(doc, 'meta', 'count');
  if (typeof at(doc, 'meta', 'nextLink') === 'string' || (typeof count === 'number' && count > flows.length)) {
    throw new DataError(
      `the ${FTS} response is one page of its flows (${flows.length} of ${typeof count === 'number' ? count : 'more'}): a ranking needs them all. Add groupby=organization to the address: FTS then gives each donor's total`,
      'source',
    );
  }
  const sums = new Map<string, number>();
  flows.forEach((flow, i) => {
    if (!isObject(flow)) return;
    if (flow.boundary !== undefined && flow.boundary !== 'incoming') return;
    const amount = flow.amountUSD;
    const sources = flow.sourceObjects;
    if (typeof amount !== 'number' || !Array.isArray(sources)) throw missing(FTS, `amountUSD and sourceObjects in data.flows[${i}]`);
    const organisation = sources.find((o) => isObject(o) && o.type === 'Organization' && typeof o.name === 'string') as Json | undefined;
    if (!organisation || amount <= 0) return;
    const name = (organisation.name as string).trim();
    sums.set(name, (sums.get(name) ?? 0) + amount);
  });
  return [...sums].map(([name, amount]) => ({ name, amount }));
}
