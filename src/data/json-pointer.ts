import { DataError } from './errors.js';

/** Splits an RFC 6901 JSON Pointer (`/objectives/0`, `/a~1b`) into its reference tokens. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) {
    throw new DataError(`"${pointer}" is not a JSON Pointer: it must start with "/" (for example #/objectives/0)`, 'pointer');
  }
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Resolves a JSON Pointer in `doc`. `where` names the document in the error message,
 * as in `/funding/topDonors not found in /data/report.json`.
 */
export function resolvePointer(doc: unknown, pointer: string, where: string): unknown {
  let current: unknown = doc;
  let walked = '';
  for (const token of parsePointer(pointer)) {
    walked += `/${token}`;
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) >= current.length) {
        throw new DataError(`${pointer} not found in ${where} (${walked}: that list has ${current.length} items)`, 'pointer');
      }
      current = current[Number(token)];
    } else if (current !== null && typeof current === 'object' && Object.prototype.hasOwnProperty.call(current, token)) {
      current = (current as Record<string, unknown>)[token];
    } else {
      throw new DataError(`${pointer} not found in ${where}${walked === pointer ? '' : ` (nothing at ${walked})`}`, 'pointer');
    }
  }
  return current;
}

