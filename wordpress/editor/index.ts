// The block editor script of the WordPress plugin (wordpress/, `npm run build:wordpress`): the four
// widgets, registered in the editor's page so they render live in the canvas, and a block for
// each. Blocks are registered from PHP with their block.json (title, attributes…); this adds how
// they are edited and saved. Runs before the editor starts (a module runs before DOMContentLoaded),
// so posts that hold these blocks open with them known.
import '../../src/index.js';
import manifest from '../../custom-elements.json';
import { widgetsOf, type Manifest } from '../../demo/builder/manifest.js';
import { editFor, saveFor, type BlockAttributes } from './block.js';

for (const widget of widgetsOf(manifest as Manifest)) {
  wp.blocks.registerBlockType<BlockAttributes>(`iom-widgets/${widget.tag}`, { edit: editFor(widget), save: saveFor(widget) });
}
