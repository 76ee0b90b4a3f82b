/** Types for scripts/quote-numbers.mjs (imported by test/unit/data-files.test.ts). */
export declare const QUALIFIERS: { words: string[]; prefixes: string[] }[];
export declare function numbersIn(text: string): { value: number; text: string; percent: boolean; qualifier: string | null }[];
export declare function checkFigureAgainstQuote(figure: { value: number; quote?: string; prefix?: string; format?: string; currency?: string }): string[];
