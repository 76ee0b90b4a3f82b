// The parts of WordPress's block editor globals (`wp.*`, WordPress 6.1) that the editor script
// uses. WordPress loads them as scripts before ours (the dependencies named in assets.php), so
// nothing of them is bundled. wp.element is React's API.
import type * as React from 'react';

type Props = Record<string, unknown>;
type Component<P = Props> = React.ComponentType<P>;

/** What the server tells the editor (includes/assets.php). */
export interface EditorConfig {
  /** The default data folder, ending in "/". */
  dataFolder: string;
  /** The data files of that folder, when it is on the site. */
  dataFiles: { name: string; url: string }[];
  /** The widgets' script, for an editor canvas in an iframe. */
  scriptUrl: string;
  /** The site's language (`en-US`): the published page's `lang`, which the widgets follow. */
  language: string;
}

export interface BlockEditProps<A> {
  attributes: A;
  setAttributes(patch: Partial<A>): void;
  clientId: string;
  isSelected: boolean;
}

declare global {
  interface Window {
    iomWidgetsEditor?: EditorConfig;
  }
  const wp: {
    element: Pick<typeof React, 'createElement' | 'useState' | 'useEffect' | 'useLayoutEffect' | 'useRef' | 'Fragment'> & { RawHTML: Component<{ children: string }> };
    blocks: {
      registerBlockType<A>(name: string, settings: { edit: Component<BlockEditProps<A>>; save: Component<{ attributes: A }> }): unknown;
    };
    blockEditor: {
      InspectorControls: Component;
      MediaUpload: Component;
      MediaUploadCheck: Component;
      useBlockProps(props?: Props): Props;
    };
    components: Record<'Button' | 'Notice' | 'PanelBody' | 'Placeholder' | 'SelectControl' | 'Spinner' | 'TextControl' | 'ToggleControl', Component>;
    data: {
      dispatch(store: string): Record<string, ((...args: unknown[]) => unknown) | undefined> | undefined;
    };
    i18n: {
      __(text: string, domain: string): string;
      sprintf(format: string, ...args: (string | number)[]): string;
    };
  };
}
