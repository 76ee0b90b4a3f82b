// The embed builder page (builder.html): the four widgets, the manifest that describes them, the
// list of data files, and the builder itself.
import '../../src/index.js';
import manifest from '../../custom-elements.json';
import dataFiles from 'virtual:iom-data-files';
import { EmbedBuilder } from './app.js';
import { dataLayersLoaded } from './data.js';
import { widgetsOf, type Manifest } from './manifest.js';

// The builder checks entries with the widgets' own data specs, which load on demand: first load them.
await dataLayersLoaded();

const ORDER = ['stat-counter', 'objective-card', 'emergency-list', 'donor-ranking'];
const builder = new EmbedBuilder();
builder.widgets = widgetsOf(manifest as Manifest).sort((a, b) => ORDER.indexOf(a.tag) - ORDER.indexOf(b.tag));
builder.files = dataFiles;
document.querySelector('#builder')!.replaceChildren(builder);
