// Writes each section's widgets into the demo page's HTML, at build time and in the dev server:
// every `<template data-demo="ID">` is copied into the element with id ID, and its markup, as a
// webmaster would paste it, into `<code data-code-for="ID">`. The page then reaches the browser
// with its widgets in place (nothing is inserted after the first paint, so sections do not grow
// and push the page down), and the printed HTML cannot drift from the widgets it shows.

/** The markup of a template as a webmaster would paste it: common indentation removed, boolean attributes bare. */
export function markupOf(templateHtml: string): string {
  const lines = templateHtml.replace(/=""/g, '').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^\s*/)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page with every `<template data-demo>` stamped into its target and listed in its code block. */
export function stampDemo(page: string): string {
  let out = page;
  for (const [, id, body] of page.matchAll(/<template data-demo="([\w-]+)">([\s\S]*?)<\/template>/g)) {
    const target = new RegExp(`(<(\\w+)\\b[^>]*\\bid="${id}"[^>]*>)(</\\2>)`);
    if (!target.test(out)) throw new Error(`demo page: <template data-demo="${id}"> has no empty element with id="${id}" to fill`);
    out = out.replace(target, (_, open: string, _tag: string, close: string) => `${open}${body}${close}`);
    out = out.replace(new RegExp(`(<code data-code-for="${id}">)(</code>)`), (_, open: string, close: string) => `${open}${escapeHtml(markupOf(body))}${close}`);
  }
  return out;
}
