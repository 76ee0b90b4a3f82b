import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { within } from '../base/once.js';
import { DataError } from '../data/errors.js';
import { resolveLocale, watchLanguage } from './locale.js';
import { hasWords, languageName, loadWords, msg, type WordKey } from './words.js';

type LocaleHost = ReactiveControllerHost & HTMLElement & { locale?: string };

/**
 * A widget's language: the locale it renders in (its `locale`, else the nearest `lang`, which it
 * follows when the page changes it) and that language's words, loaded when first needed. When the
 * locale changes to a language whose words are not here yet, the widget goes on in the language it
 * was showing until they arrive: a language switch never blanks a page.
 */
export class LocaleController implements ReactiveController {
  /** The locale of the update in progress (see `resolve`). */
  locale = 'en';
  /** Why the words of the locale asked for could not be loaded. */
  error?: DataError;
  /** While the words of the locale asked for load: settles once they have arrived or failed. */
  pending?: Promise<void>;
  /** The locale asked for: `locale` once its words are in. */
  private wanted?: string;
  /** Whether the widget has had a locale with its words: until then, waiting for words is loading. */
  private shown = false;
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

  /** While its first language's words load, the widget has nothing to show in them: it is loading. */
  get loading(): Promise<void> | undefined {
    return this.shown ? undefined : this.pending;
  }

  /** Resolves the locale for the update in progress, and asks for its words when they are not here. */
  resolve(): void {
    const wanted = resolveLocale(this.host, this.host.locale);
    if (wanted !== this.wanted) this.error = undefined;
    this.wanted = wanted;
    if (hasWords(wanted)) {
      this.locale = wanted;
      this.shown = true;
      this.error = undefined;
      return;
    }
    if (!this.shown) this.locale = wanted;
    if (this.error || this.pending) return;
    const pending = within(loadWords(wanted))
      .catch((error: unknown) => {
        if (this.wanted !== wanted) return;
        const why = error instanceof Error ? error.message : String(error);
        this.error = new DataError(`could not load its ${languageName(wanted)} words (${why})`, 'network', { cause: error });
      })
      .finally(() => {
        if (this.pending === pending) this.pending = undefined;
        this.host.requestUpdate();
      });
    this.pending = pending;
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
