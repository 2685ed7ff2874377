import { useState } from 'react';
import { App, Button, Flex, Form } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse, TrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import { useCurrentMe } from '../../app/me-context';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { SectionCard } from '../../components/SectionCard';
import { CatalogForm } from '../albums/CatalogForm';
import { useAddTrack, useSaveTrack } from './api';
import { IsrcSection } from './IsrcSection';
import { IsrcNote } from './IsrcNote';
import { mayTakeNextAvailable } from './next-available';
import { trackPagePath } from './paths';
import { TrackDetailFields, TrackNameFields, VersionFields } from './TrackFormFields';
import { TRACK_CODE_FIELDS, TRACK_FORM_FIELDS, isrcChoiceFor, toRecordingFields, toTrackFormValues, type TrackFormValues } from './track-values';

interface Props {
  album: AlbumResponse;
  track: TrackResponse | undefined;
  canEdit: boolean;
  /** The company's registrant codes, when known (undefined for individuals). */
  codes: readonly string[] | undefined;
}

/** The track form: new tracks are created with their ISRC choice; saved ones PATCH, then PUT the ISRC if changed. */
export function TrackForm({ album, track, canEdit, codes }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<TrackFormValues>();
  const add = useAddTrack(album.id);
  const save = useSaveTrack(album.id, track?.id ?? '');
  const [alert, setAlert] = useState<string | null>(null);
  const [initialValues] = useState(() => toTrackFormValues(track, { productionCompany: album.productionCompany }));
  const company = !album.isrcAssignedOnSubmission;
  // 自行輸入 / 下一個可用編號 only for a registrant with codes of its own (never an individual, whatever the album says).
  const me = useCurrentMe();
  const choosesIsrc = company && canEdit && mayTakeNextAvailable(me);

  const onError = (error: Error) => {
    if (!applyApiErrorToForm(form, error, { fields: TRACK_FORM_FIELDS, codeFields: TRACK_CODE_FIELDS })) {
      setAlert(error.message);
    }
  };

  const onFinish = () => {
    // All values, not only those of registered fields: each credit row's role has no input of its own.
    const values = form.getFieldsValue(true) as TrackFormValues;
    setAlert(null);
    const fields = toRecordingFields(values);
    const isrc = choosesIsrc ? isrcChoiceFor(values, track) : undefined;
    if (track === undefined) {
      add.mutate(
        { recording: fields, ...(isrc === undefined ? {} : { isrc }) },
        {
          onSuccess: (created) => {
            void message.success(t('tracks.created', { position: created.position }));
            void navigate(trackPagePath(album.id, created.id), { replace: true });
          },
          onError,
        },
      );
      return;
    }
    save.mutate(
      { fields, isrc },
      {
        onSuccess: (saved) => {
          void message.success(t('tracks.saved', { position: saved.position }));
          form.setFieldsValue(toTrackFormValues(saved, { productionCompany: album.productionCompany }));
        },
        onError,
      },
    );
  };

  return (
    <CatalogForm form={form} name="track" maxWidth={960} initialValues={initialValues} canEdit={canEdit} onFinish={onFinish} alert={alert}>
      <SectionCard title={t('tracks.sections.isrc')}>
        {choosesIsrc ? <IsrcSection track={track} codes={codes} /> : <IsrcNote album={album} track={track} />}
      </SectionCard>
      <SectionCard title={t('tracks.sections.names')}>
        <TrackNameFields />
      </SectionCard>
      <SectionCard title={t('tracks.sections.details')}>
        <TrackDetailFields readOnly={!canEdit} />
      </SectionCard>
      <SectionCard title={t('tracks.sections.version')}>
        <VersionFields currentIsrc={track?.recording.isrc ?? null} />
      </SectionCard>
      {canEdit ? (
        <Flex gap="middle" align="center" wrap>
          <Button type="primary" htmlType="submit" loading={add.isPending || save.isPending}>
            {t('common.saveChanges')}
          </Button>
          {track === undefined ? null : <Link to={trackPagePath(album.id, 'new')}>{t('tracks.addNext')}</Link>}
        </Flex>
      ) : null}
    </CatalogForm>
  );
}
