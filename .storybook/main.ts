import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

// Storybook for designers. Works offline: telemetry is off and nothing is fetched from the network;
// stories read the bundled report files from data/ (served at data/ beside iframe.html).
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  staticDirs: [{ from: '../data', to: '/data' }],
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      // Pre-bundled with the renderer so Lit is not discovered (and the page reloaded) on first visit.
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
    });
  },
};

export default config;
