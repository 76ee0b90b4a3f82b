// Style rules that eslint cannot see inside css`` templates:
// - no `rem` (the host page owns the root font size; widgets size in em and %),
// - no physical left/right properties or values (logical properties keep RTL free).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const RULES = [
  [/\b\d*\.?\d+rem\b/, 'uses rem: size in em or % so the widget follows its own font size'],
  [/\b(margin|padding|border)-(left|right)\b/, 'uses a physical property: use -inline-start / -inline-end'],
  [/(^|[\s;{])(left|right)\s*:/, 'uses left/right: use inset-inline-start / inset-inline-end'],
  [/text-align:\s*(left|right)\b/, 'uses text-align left/right: use start / end'],
  [/float:\s*(left|right)\b/, 'uses float left/right: use inline-start / inline-end'],
  [/border-(top|bottom)-(left|right)-radius/, 'uses a physical corner: use border-start-start-radius and friends'],
];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : /\.(ts|css)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

let problems = 0;
for (const file of [...files('src'), ...(existsSync('demo') ? files('demo') : [])]) {
  const text = readFileSync(file, 'utf8');
  // Only CSS: css`` templates in .ts files, whole .css files.
  const blocks = file.endsWith('.css') ? [{ body: text, offset: 0 }] : [...text.matchAll(/css`([\s\S]*?)`/g)].map((m) => ({ body: m[1], offset: m.index + 4 }));
  for (const { body, offset } of blocks) {
    body.split('\n').forEach((line, i) => {
      const code = line.replace(/\/\*.*?\*\//g, '');
      for (const [re, why] of RULES) {
        if (re.test(code)) {
          const lineNo = text.slice(0, offset).split('\n').length + i;
          console.error(`${file}:${lineNo}: ${why}\n    ${line.trim()}`);
          problems++;
        }
      }
    });
  }
}
if (problems) {
  console.error(`${problems} CSS problem(s).`);
  process.exit(1);
}
console.log('CSS: no rem, no physical left/right.');
