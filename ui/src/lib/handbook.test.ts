import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./backend', () => ({
  listPacks: vi.fn(),
  importPack: vi.fn(),
  saveSettings: vi.fn(),
  appInfo: vi.fn(),
}));

import * as backend from './backend';
import { handbook } from './handbook.svelte';
import type { PackSummary } from './bindings/PackSummary';

const pack = { id: 'town', title: '見本町情報セキュリティポリシー', version: '2' } as PackSummary;

describe('handbook', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    handbook.packs = [];
  });

  it('reads the list of packs again after importing one, so 設定 and the chooser offer it', async () => {
    vi.mocked(backend.importPack).mockResolvedValue(pack);
    vi.mocked(backend.listPacks).mockResolvedValue([pack]);
    const summary = await handbook.importPack('\\\\server\\share\\packs\\town.zip', true);
    expect(summary.id).toBe('town');
    expect(backend.importPack).toHaveBeenCalledWith('\\\\server\\share\\packs\\town.zip', true);
    expect(handbook.packs.map((p) => p.id)).toEqual(['town']);
  });

  it('a refused import leaves the list as it was', async () => {
    handbook.packs = [pack];
    vi.mocked(backend.importPack).mockRejectedValue(new Error('同じ版です'));
    await expect(handbook.importPack('C:\\packs\\town', false)).rejects.toThrow('同じ版');
    expect(backend.listPacks).not.toHaveBeenCalled();
    expect(handbook.packs).toHaveLength(1);
  });
});
