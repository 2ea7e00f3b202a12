// UI text from the same Fluent files the Rust side compiles in (locales/*/*.ftl).
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { Language } from './bindings/Language';
import type { Message } from './bindings/Message';

const sources = import.meta.glob('../../../locales/*/*.ftl', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const LANGUAGES: Language[] = ['ja-JP', 'en-US'];

function buildBundle(lang: Language): FluentBundle {
  // No bidi isolation marks: they would show up in copied text and tests.
  const bundle = new FluentBundle(lang, { useIsolating: false });
  for (const [path, text] of Object.entries(sources)) {
    if (!path.includes(`/locales/${lang}/`)) continue;
    const errors = bundle.addResource(new FluentResource(text));
    if (errors.length) console.error(`${path}:`, errors);
  }
  return bundle;
}

const bundles = new Map(LANGUAGES.map((l) => [l, buildBundle(l)]));

/** Message ids defined for a language (used by tests). */
export function messageIds(lang: Language): string[] {
  const ids: string[] = [];
  for (const [path, text] of Object.entries(sources)) {
    if (!path.includes(`/locales/${lang}/`)) continue;
    for (const entry of new FluentResource(text).body) ids.push(entry.id);
  }
  return ids;
}

class I18n {
  lang = $state<Language>('ja-JP');

  /** The text of `id` in the current language; the id itself if missing. */
  t(id: string, args?: Record<string, FluentVariable>): string {
    return translate(this.lang, id, args);
  }
}

export function translate(lang: Language, id: string, args?: Record<string, FluentVariable>): string {
  const bundle = bundles.get(lang)!;
  const message = bundle.getMessage(id);
  if (!message?.value) return id;
  return bundle.formatPattern(message.value, args);
}

export const i18n = new I18n();
export const t = (id: string, args?: Record<string, FluentVariable>) => i18n.t(id, args);

/** A plainly written whole number is a number (for Fluent's selectors), as in tebiki-i18n's `tr_message`. */
const messageArg = (v: string): FluentVariable => (/^(0|[1-9][0-9]{0,14})$/.test(v) ? Number(v) : v);

/** A message from Rust (key and arguments), in the chosen language. */
export const tm = (m: Message) => i18n.t(m.key, Object.fromEntries(m.args.map(([k, v]) => [k, messageArg(v)])));
