/** A complete album as the MARC builder takes it (src/integration/marc), for its unit tests. */
import type { MarcAlbum } from '../../src/integration/marc/marc-build.js';

export function sampleAlbum(overrides: Partial<MarcAlbum> = {}): MarcAlbum {
  return {
    albumNumber: 100042,
    title: '夏日之歌',
    releaseType: 'physical',
    albumType: 'solo',
    workCategory: 'sound-recording',
    mediaForm: 'cd',
    publicationCategory: 'popular',
    releaseDate: '2026-05-01',
    publisher: '測試唱片',
    productionCompany: '測試製作',
    credits: [{ role: 'performer', names: ['林小明'] }],
    totalDurationSeconds: null,
    introduction: '',
    // 23:30 UTC is already the next day in Taipei.
    approvedAt: new Date('2026-06-14T23:30:00Z'),
    updatedAt: new Date('2026-06-14T23:30:05Z'),
    tracks: [
      { position: 1, title: '第一首', isrc: 'TWA012600001', durationSeconds: 225, credits: [{ role: 'composer', names: ['陳作曲'] }], productionCompany: '' },
      { position: 2, title: 'Second Song', isrc: 'TWA012600002', durationSeconds: 250, credits: [{ role: 'arranger', names: ['陳作曲'] }], productionCompany: '' },
    ],
    ...overrides,
  };
}
