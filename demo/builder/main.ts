// The embed builder page (builder.html): the four widgets, the manifest that describes them, the
// list of data files, and the builder itself.
import '../../src/index.js';
import manifest from '../../custom-elements.json';
import dataFiles from 'virtual:iom-data-files';
import { EmbedBuilder } from './app.js';
import { dataLayersLoaded } from './data.js';
import { widgetsOf, type Manifest } from './manifest.js';
import BY_CLASS from '../../src/tags.json' with { type: 'json' };

// The builder checks entries with the widgets' own data shapes, in the reader, which loads on demand: first load it.
await dataLayersLoaded();

const builder = new EmbedBuilder();
// In the order of the one tag list: the simplest widget first.
const TAGS: string[] = Object.values(BY_CLASS);
builder.widgets = widgetsOf(manifest as Manifest).sort((a, b) => TAGS.indexOf(a.tag) - TAGS.indexOf(b.tag));
builder.files = dataFiles;
document.querySelector('#builder')!.replaceChildren(builder);
