// The handbook's state: the packs, the pack being read, the clause shown.
import * as backend from './backend';
import { appState } from './app-state.svelte';
import type { BookmarkView } from './bindings/BookmarkView';
import type { ClauseView } from './bindings/ClauseView';
import type { ImportInspection } from './bindings/ImportInspection';
import type { PackOutline } from './bindings/PackOutline';
import type { PackSummary } from './bindings/PackSummary';
import type { TocNode } from './bindings/TocNode';

class Handbook {
  packs = $state<PackSummary[]>([]);
  outline = $state<PackOutline | null>(null);
  clause = $state<ClauseView | null>(null);
  bookmarks = $state<BookmarkView[]>([]);
  error = $state<string | null>(null);
  loaded = $state(false);

  async loadPacks(): Promise<void> {
    try {
      this.packs = await backend.listPacks();
    } catch (e) {
      this.error = String(e);
    }
    this.loaded = true;
  }

  /** The pack of the user's organisation, if it is installed. */
  get chosenPack(): PackSummary | undefined {
    return this.packs.find((p) => p.id === appState.settings.pack);
  }

  async choosePack(packId: string): Promise<void> {
    await appState.update({ pack: packId });
    this.outline = null;
    this.clause = null;
  }

  private async ensureOutline(packId: string): Promise<PackOutline> {
    if (this.outline?.summary.id !== packId) {
      this.outline = await backend.packOutline(packId);
    }
    return this.outline;
  }

  /** Shows `clauseId`, or where the reader left off in the chosen pack. */
  async show(clauseId: string | null, highlight?: string | null): Promise<void> {
    try {
      this.error = null;
      let id = clauseId;
      if (!id) {
        const pack = this.chosenPack;
        if (!pack) return;
        const outline = await this.ensureOutline(pack.id);
        id = outline.readingPosition ?? outline.documents[0]?.firstClause ?? null;
        if (!id) return;
      }
      const view = await backend.clauseView(id, highlight);
      await this.ensureOutline(view.packId);
      this.clause = view;
    } catch (e) {
      this.error = String(e);
    }
  }

  /** The outline of the chosen pack, for the glossary, history and bookmark pages. */
  async showPackPages(): Promise<void> {
    try {
      const pack = this.clause?.packId ?? this.chosenPack?.id;
      if (pack) await this.ensureOutline(pack);
    } catch (e) {
      this.error = String(e);
    }
  }

  async toggleBookmark(): Promise<void> {
    if (!this.clause) return;
    try {
      this.clause.bookmarked = await backend.toggleBookmark(this.clause.id);
    } catch (e) {
      this.error = String(e);
    }
  }

  async loadBookmarks(): Promise<void> {
    try {
      this.bookmarks = await backend.bookmarks();
    } catch (e) {
      this.error = String(e);
    }
  }

  /** Prints the page shown (the print stylesheet keeps the clause text alone). */
  print(): Promise<void> {
    return backend.printPage();
  }

  /** What importing the pack at `path` (folder or zip) would do, and its problems. */
  inspectPack(path: string): Promise<ImportInspection> {
    return backend.inspectPack(path);
  }

  /** Imports the pack at `path`; the list of packs is read again. */
  async importPack(path: string, confirmUpgrade: boolean): Promise<PackSummary> {
    const summary = await backend.importPack(path, confirmUpgrade);
    await this.loadPacks();
    return summary;
  }

  async removeBookmark(clauseId: string): Promise<void> {
    try {
      await backend.toggleBookmark(clauseId);
      await this.loadBookmarks();
    } catch (e) {
      this.error = String(e);
    }
  }
}

/** Ids of `target` and its ancestors in the tree, outermost first (empty if absent). */
export function pathTo(nodes: TocNode[], target: string): string[] {
  for (const n of nodes) {
    if (n.id === target) return [n.id];
    const sub = pathTo(n.children, target);
    if (sub.length) return [n.id, ...sub];
  }
  return [];
}

export const handbook = new Handbook();
