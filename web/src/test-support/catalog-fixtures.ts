import type { AlbumResponse, RecordingResponse } from '../../../src/catalog/catalog.schemas.js';

/** Albums and recordings as the API returns them, for tests of the web's form logic. */

export function savedAlbum(overrides: Partial<AlbumResponse> = {}): AlbumResponse {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    albumNumber: 7,
    registrantId: '22222222-2222-4222-8222-222222222222',
    releaseType: 'physical',
    title: '范特西',
    credits: [{ role: 'performer', names: ['周杰倫'] }],
    publisher: '阿爾發音樂',
    releaseDate: '2026-03-09',
    productionCompany: '杰威爾音樂',
    totalDuration: '0:42:10',
    effectiveDuration: '0:42:10',
    albumType: 'solo',
    workCategory: 'sound-recording',
    mediaForm: 'cd',
    publicationCategory: 'popular',
    introduction: '第二張專輯',
    retroactive: false,
    status: 'draft',
    returnReason: null,
    depositStatus: 'not_deposited',
    editable: true,
    isrcAssignedOnSubmission: false,
    submittedAt: null,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-02T00:00:00.000Z',
    tracks: [],
    audioUploadAllowed: true,
    cover: null,
    ...overrides,
  };
}

export function savedRecording(overrides: Partial<RecordingResponse> = {}): RecordingResponse {
  return {
    id: 'bbbbbbbb-0000-4000-8000-000000000001',
    registrantId: '22222222-2222-4222-8222-222222222222',
    isrc: 'TWA012600001',
    isrcDisplay: 'TW-A01-26-00001',
    isrcSource: 'own',
    title: '簡單愛',
    storyTitle: '',
    episode: '',
    theme: '',
    playTitle: '',
    description: '',
    credits: [{ role: 'performer', names: ['周杰倫'] }],
    productionCompany: '杰威爾音樂',
    duration: '0:04:30',
    durationSeconds: 270,
    recordingDate: null,
    aiAssisted: false,
    producedAbroad: false,
    versionType: null,
    versionOfIsrc: null,
    approved: false,
    ...overrides,
  };
}
