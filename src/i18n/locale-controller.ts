import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DataError } from '../data/errors.js';
import { resolveLocale, watchLanguage } from './locale.js';
import { hasWords, languageName, loadWords, msg, type WordKey } from './words.js';

type LocaleHost = ReactiveControllerHost & HTMLElement & { locale?: string };

/**
 * A widget's language: the locale of each update (its `locale`, else the nearest `lang`, which it
 * follows when the page changes it) and that language's words, loaded when first needed.
 */
export class LocaleController implements ReactiveController {
  /** The locale of the update in progress (see `resolve`). */
  locale = 'en';
  /** While the words of this locale's language load: settles once they have arrived or failed. */
  loading?: Promise<void>;
  /** Why the words of this locale's language could not be loaded. */
  error?: DataError;
  private stopWatching?: () => void;

  constructor(private readonly host: LocaleHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopWatching = watchLanguage(this.host);
  }

  hostDisconnected(): void {
    this.stopWatching?.();
  }

  /** Resolves the locale for the update in progress, and asks for its words when they are not here. */
  resolve(): void {
    const locale = resolveLocale(this.host, this.host.locale);
    if (locale !== this.locale) this.error = undefined;
    this.locale = locale;
    if (hasWords(locale) || this.error || this.loading) return;
    this.loading = loadWords(locale)
      .catch((error: unknown) => {
        const why = error instanceof Error ? error.message : String(error);
        this.error = new DataError(`could not load its ${languageName(locale)} words (${why})`, 'network', { cause: error });
      })
      .finally(() => {
        this.loading = undefined;
        this.host.requestUpdate();
      });
  }

  /** Asks for the words again after they failed to load (Retry). */
  retry(): void {
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** The name of a loading state: none while the words of its language are on their way, rather than English words in a French widget. */
  get loadingLabel(): string | undefined {
    return this.loading ? undefined : this.t('loading');
  }

  /** Words in the language of the update in progress. */
  t(key: WordKey, params?: Record<string, string | number>): string {
    return msg(this.locale, key, params);
  }
}
