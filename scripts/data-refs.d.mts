/** Types for scripts/data-refs.mjs (imported by test/unit/data-files.test.ts). */
export interface DataReference { from: string; file: string; pointer: string | null; element: string | null; literal: boolean; expectsError: boolean }
export declare function listFiles(dir: string): string[];
export declare function dataReferences(files: string[]): DataReference[];
export declare const projectDataReferences: () => DataReference[];
