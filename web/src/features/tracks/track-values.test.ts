import { describe, expect, it } from 'vitest';
import type { RecordingResponse, TrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import {
  NOT_A_VERSION,
  TRACK_CODE_FIELDS,
  TRACK_FORM_FIELDS,
  isrcChoiceFor,
  toRecordingFields,
  toTrackFormValues,
  type TrackFormValues,
} from './track-values';

function savedTrack(overrides: Partial<RecordingResponse> = {}): TrackResponse {
  return {
    id: 'aaaaaaaa-0000-4000-8000-000000000001',
    position: 1,
    cited: false,
    done: true,
    recording: {
      id: 'bbbbbbbb-0000-4000-8000-000000000001',
      registrantId: '22222222-2222-4222-8222-222222222222',
      isrc: 'TWA012600001',
      isrcDisplay: 'TW-A01-26-00001',
      isrcSource: 'own',
      title: '簡單愛',
      storyTitle: '故事',
      episode: '第一段',
      theme: '主題',
      playTitle: '劇目',
      description: '介紹',
      credits: [{ role: 'performer', names: ['周杰倫'] }],
      productionCompany: '杰威爾音樂',
      duration: '0:04:30',
      durationSeconds: 270,
      recordingDate: '2025-09',
      aiAssisted: true,
      producedAbroad: false,
      versionType: null,
      versionOfIsrc: null,
      approved: false,
      ...overrides,
    },
  };
}

function formValues(overrides: Partial<TrackFormValues> = {}): TrackFormValues {
  return { ...toTrackFormValues(undefined, { productionCompany: '' }), ...overrides };
}

describe(toTrackFormValues.name, () => {
  it("starts a new track empty, with the album's production company and 自行輸入", () => {
    expect(toTrackFormValues(undefined, { productionCompany: '杰威爾音樂' })).toEqual({
      isrcMode: 'own',
      isrc: '',
      title: '',
      storyTitle: '',
      episode: '',
      theme: '',
      playTitle: '',
      description: '',
      credits: [
        { role: 'performer', names: [''] },
        { role: 'lyricist', names: [''] },
        { role: 'composer', names: [''] },
        { role: 'arranger', names: [''] },
        { role: 'producer', names: [''] },
      ],
      productionCompany: '杰威爾音樂',
      duration: '',
      recordingDate: '',
      aiAssisted: false,
      producedAbroad: false,
      versionType: NOT_A_VERSION,
      versionOfIsrc: '',
    });
  });

  it("fills a saved track's values, its own production company winning over the album's", () => {
    const values = toTrackFormValues(savedTrack(), { productionCompany: 'album company' });
    expect(values).toMatchObject({
      title: '簡單愛',
      storyTitle: '故事',
      episode: '第一段',
      theme: '主題',
      playTitle: '劇目',
      description: '介紹',
      productionCompany: '杰威爾音樂',
      duration: '0:04:30',
      aiAssisted: true,
      producedAbroad: false,
    });
    expect(toTrackFormValues(savedTrack({ productionCompany: '' }), { productionCompany: 'album company' }).productionCompany).toBe('');
  });

  it('shows the recording date as the guide writes it', () => {
    expect(toTrackFormValues(savedTrack({ recordingDate: '2025-09' }), { productionCompany: '' }).recordingDate).toBe('2025.09');
    expect(toTrackFormValues(savedTrack({ recordingDate: '2025' }), { productionCompany: '' }).recordingDate).toBe('2025');
    expect(toTrackFormValues(savedTrack({ recordingDate: null }), { productionCompany: '' }).recordingDate).toBe('');
  });

  it('picks the ISRC option from where the saved code came from', () => {
    const own = toTrackFormValues(savedTrack({ isrcSource: 'own' }), { productionCompany: '' });
    expect([own.isrcMode, own.isrc]).toEqual(['own', 'TW-A01-26-00001']);
    const foreign = toTrackFormValues(savedTrack({ isrc: 'USRC17607839', isrcDisplay: 'US-RC1-76-07839', isrcSource: 'foreign' }), {
      productionCompany: '',
    });
    expect([foreign.isrcMode, foreign.isrc]).toEqual(['foreign', 'US-RC1-76-07839']);
    // A system code is shown above the options, not in the input.
    const system = toTrackFormValues(savedTrack({ isrcSource: 'system' }), { productionCompany: '' });
    expect([system.isrcMode, system.isrc]).toEqual(['next', '']);
    const none = toTrackFormValues(savedTrack({ isrc: null, isrcDisplay: null, isrcSource: null }), { productionCompany: '' });
    expect([none.isrcMode, none.isrc]).toEqual(['own', '']);
  });

  it('shows a version with its original, and 「否」 otherwise', () => {
    const version = toTrackFormValues(savedTrack({ versionType: 'remix', versionOfIsrc: 'TWA012500003' }), { productionCompany: '' });
    expect([version.versionType, version.versionOfIsrc]).toEqual(['remix', 'TWA012500003']);
    expect(toTrackFormValues(savedTrack(), { productionCompany: '' }).versionType).toBe(NOT_A_VERSION);
  });
});

describe(toRecordingFields.name, () => {
  it('sends empty optional fields as null, not as empty strings', () => {
    const fields = toRecordingFields(formValues({ duration: '  ', recordingDate: '' }));
    expect(fields.duration).toBeNull();
    expect(fields.recordingDate).toBeNull();
    expect(fields.versionType).toBeNull();
    expect(fields.versionOfIsrc).toBeNull();
  });

  it('sends the duration and recording date trimmed', () => {
    const fields = toRecordingFields(formValues({ duration: ' 0:04:05 ', recordingDate: ' 2025.09 ' }));
    expect(fields.duration).toBe('0:04:05');
    expect(fields.recordingDate).toBe('2025.09');
  });

  it('sends no original ISRC unless the track is a version', () => {
    expect(toRecordingFields(formValues({ versionType: NOT_A_VERSION, versionOfIsrc: 'TWA012500003' }))).toMatchObject({
      versionType: null,
      versionOfIsrc: null,
    });
    expect(toRecordingFields(formValues({ versionType: 'live', versionOfIsrc: ' tw-a01-25-00003 ' }))).toMatchObject({
      versionType: 'live',
      versionOfIsrc: 'tw-a01-25-00003',
    });
    expect(toRecordingFields(formValues({ versionType: 'edit', versionOfIsrc: '' })).versionOfIsrc).toBeNull();
    expect(toRecordingFields(formValues({ versionType: 'bootleg', versionOfIsrc: 'TWA012500003' }))).toMatchObject({
      versionType: null,
      versionOfIsrc: null,
    });
  });

  it('leaves the ISRC and its option out of the recording', () => {
    const fields = toRecordingFields(formValues({ isrcMode: 'foreign', isrc: 'USRC17607839', registrantCode: 'A01' }));
    expect(fields).not.toHaveProperty('isrc');
    expect(fields).not.toHaveProperty('isrcMode');
    expect(fields).not.toHaveProperty('registrantCode');
  });

  it('keeps credits in order and drops rows without a role', () => {
    const fields = toRecordingFields(
      formValues({
        credits: [
          { role: 'producer', names: ['P'] },
          { role: '', names: ['?'] },
          { role: 'performer', names: ['A', '', 'B'] },
        ],
      }),
    );
    expect(fields.credits).toEqual([
      { role: 'producer', names: ['P'] },
      { role: 'performer', names: ['A', '', 'B'] },
    ]);
  });

  it('round-trips a saved recording through the form', () => {
    const saved = savedTrack({ versionType: 'remix', versionOfIsrc: 'TWA012500003' });
    const fields = toRecordingFields(toTrackFormValues(saved, { productionCompany: '' }));
    const r = saved.recording;
    expect(fields).toMatchObject({
      title: r.title,
      storyTitle: r.storyTitle,
      episode: r.episode,
      theme: r.theme,
      playTitle: r.playTitle,
      description: r.description,
      productionCompany: r.productionCompany,
      duration: '0:04:30',
      recordingDate: '2025.09',
      aiAssisted: true,
      producedAbroad: false,
      versionType: 'remix',
      versionOfIsrc: 'TWA012500003',
    });
    expect(fields.credits?.filter((line) => line.names.some((name) => name !== ''))).toEqual(r.credits);
  });
});

describe(isrcChoiceFor.name, () => {
  describe('a new track', () => {
    it('has no ISRC yet when the input is left blank', () => {
      expect(isrcChoiceFor(formValues({ isrcMode: 'own', isrc: '' }), undefined)).toEqual({ mode: 'none' });
      expect(isrcChoiceFor(formValues({ isrcMode: 'foreign', isrc: '   ' }), undefined)).toEqual({ mode: 'none' });
    });

    it('sends a typed code as typed (trimmed), with its option', () => {
      expect(isrcChoiceFor(formValues({ isrcMode: 'own', isrc: ' tw-a01-26-00002 ' }), undefined)).toEqual({ mode: 'own', isrc: 'tw-a01-26-00002' });
      expect(isrcChoiceFor(formValues({ isrcMode: 'foreign', isrc: 'ISRC US-RC1-76-07839' }), undefined)).toEqual({
        mode: 'foreign',
        isrc: 'ISRC US-RC1-76-07839',
      });
    });

    it('asks for the next code, from the chosen registrant code if any', () => {
      expect(isrcChoiceFor(formValues({ isrcMode: 'next', isrc: 'ignored' }), undefined)).toEqual({ mode: 'next' });
      expect(isrcChoiceFor(formValues({ isrcMode: 'next', registrantCode: 'B02' }), undefined)).toEqual({ mode: 'next', registrantCode: 'B02' });
    });
  });

  describe('a saved track', () => {
    const own = savedTrack({ isrc: 'TWA012600001', isrcDisplay: 'TW-A01-26-00001', isrcSource: 'own' });
    const system = savedTrack({ isrc: 'TWA012600005', isrcDisplay: 'TW-A01-26-00005', isrcSource: 'system' });
    const foreign = savedTrack({ isrc: 'USRC17607839', isrcDisplay: 'US-RC1-76-07839', isrcSource: 'foreign' });
    const without = savedTrack({ isrc: null, isrcDisplay: null, isrcSource: null });

    it.each([['TW-A01-26-00001'], ['TWA012600001'], ['tw a01 26 00001'], ['ISRC: TW-A01-26-00001'], ['ＴＷ－Ａ０１－２６－００００１']])(
      'leaves its own code alone when it is typed again as %s',
      (typed) => {
        expect(isrcChoiceFor(formValues({ isrcMode: 'own', isrc: typed }), own)).toBeUndefined();
      },
    );

    it('sends a different code', () => {
      expect(isrcChoiceFor(formValues({ isrcMode: 'own', isrc: 'TW-A01-26-00002' }), own)).toEqual({ mode: 'own', isrc: 'TW-A01-26-00002' });
    });

    it('sends the same code again when its option changed', () => {
      expect(isrcChoiceFor(formValues({ isrcMode: 'foreign', isrc: 'TW-A01-26-00001' }), own)).toEqual({ mode: 'foreign', isrc: 'TW-A01-26-00001' });
      expect(isrcChoiceFor(formValues({ isrcMode: 'own', isrc: 'US-RC1-76-07839' }), foreign)).toEqual({ mode: 'own', isrc: 'US-RC1-76-07839' });
    });

    it('sends a badly formed code for the server to refuse', () => {
      expect(isrcChoiceFor(formValues({ isrcMode: 'own', isrc: 'TW-A01' }), own)).toEqual({ mode: 'own', isrc: 'TW-A01' });
    });

    it('clears a typed code that was emptied on purpose', () => {
      expect(isrcChoiceFor(formValues({ isrcMode: 'own', isrc: '' }), own)).toEqual({ mode: 'none' });
      expect(isrcChoiceFor(formValues({ isrcMode: 'foreign', isrc: ' ' }), foreign)).toEqual({ mode: 'none' });
    });

    it('leaves a track without a code, or with a system code, alone when the input is blank', () => {
      expect(isrcChoiceFor(formValues({ isrcMode: 'own', isrc: '' }), without)).toBeUndefined();
      // The other option was only looked at: the assigned code stays.
      expect(isrcChoiceFor(formValues({ isrcMode: 'own', isrc: '' }), system)).toBeUndefined();
      expect(isrcChoiceFor(formValues({ isrcMode: 'foreign', isrc: '' }), system)).toBeUndefined();
    });

    it('keeps a system code under 下一個可用編號 and asks for one otherwise', () => {
      expect(isrcChoiceFor(formValues({ isrcMode: 'next' }), system)).toBeUndefined();
      expect(isrcChoiceFor(formValues({ isrcMode: 'next', registrantCode: 'B02' }), system)).toBeUndefined();
      expect(isrcChoiceFor(formValues({ isrcMode: 'next' }), own)).toEqual({ mode: 'next' });
      expect(isrcChoiceFor(formValues({ isrcMode: 'next', registrantCode: 'A01' }), without)).toEqual({ mode: 'next', registrantCode: 'A01' });
    });
  });
});

describe('form field lists', () => {
  it('TRACK_FORM_FIELDS names only values of the form', () => {
    const values = Object.keys(formValues());
    for (const field of TRACK_FORM_FIELDS) {
      expect(values).toContain(field);
    }
  });

  it('TRACK_CODE_FIELDS places ISRC errors on fields the form shows', () => {
    const shown: readonly string[] = TRACK_FORM_FIELDS;
    for (const field of Object.values(TRACK_CODE_FIELDS)) {
      expect(shown).toContain(field);
    }
    expect(TRACK_CODE_FIELDS['ISRC_TAKEN']).toBe('isrc');
    expect(TRACK_CODE_FIELDS['VERSION_SAME_ISRC']).toBe('versionOfIsrc');
  });
});
