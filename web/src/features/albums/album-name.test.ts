import { describe, expect, it, vi } from 'vitest';
import { useAlbumName } from './album-name';

vi.mock('react-i18next', () => ({
  useTranslation: () => ({
    t: (key: string, options?: { number?: number }) => (key === 'albums.untitled' ? `未命名專輯（專輯編號 ${String(options?.number)}）` : `?${key}`),
  }),
}));

describe(useAlbumName.name, () => {
  it('uses the title when there is one', () => {
    const name = useAlbumName();
    expect(name({ title: '范特西', albumNumber: 12 })).toBe('范特西');
  });

  it('names an untitled album by its number', () => {
    const name = useAlbumName();
    expect(name({ title: '', albumNumber: 12 })).toBe('未命名專輯（專輯編號 12）');
    expect(name({ title: '', albumNumber: 3 })).toBe('未命名專輯（專輯編號 3）');
  });
});
