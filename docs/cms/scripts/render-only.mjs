// node scripts/render-only.mjs URL SHOTNAME : render check of an existing page (logged out)
import * as wp from './wp-lib.mjs';
const b = await wp.launch();
try {
  const r = await wp.renderCheck(b, process.argv[2], process.argv[3]);
  wp.save(process.argv[3], { 'render.json': r });
  console.log(JSON.stringify({ rendered: r.rendered, widgets: r.widgets.map((w) => w.tag + (w.shadow ? ':shadow' : '')), console: r.console,
    loaderTags: r.scripts }));
} finally { await b.close(); }
