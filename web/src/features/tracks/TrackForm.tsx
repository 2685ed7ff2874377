import { useRef, useState } from 'react';
import { App, Button, Flex, Form } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse, TrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import { useCurrentMe } from '../../app/me-context';
import { useAgency } from '../agency/use-agency';
import { SectionCard } from '../../components/SectionCard';
import { CatalogForm } from '../albums/CatalogForm';
import { SaveActions } from '../albums/SaveActions';
import { sameFormValues } from '../albums/unsaved-changes';
import { useLeaveGuard } from '../albums/use-leave-guard';
import { useSaveError } from '../albums/use-save-error';
import { isApiError } from '../../lib/api-error';
import { useAddTrack, useSaveTrack } from './api';
import { IsrcSection } from './IsrcSection';
import { IsrcNote } from './IsrcNote';
import { ownIsrcExample } from './isrc-example';
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
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<TrackFormValues>();
  const add = useAddTrack(album.id);
  const save = useSaveTrack(album.id, track?.id ?? '');
  const saveError = useSaveError(form, { fields: TRACK_FORM_FIELDS, codeFields: TRACK_CODE_FIELDS });
  const [initialValues] = useState(() => toTrackFormValues(track, { productionCompany: album.productionCompany }));
  /** What the server has, as the form shows it: leaving asks first when the form differs. */
  const savedValues = useRef(initialValues);
  // All values, not only those of registered fields: each credit row's role has no input of its own.
  const allValues = () => form.getFieldsValue(true) as TrackFormValues;
  useLeaveGuard(() => canEdit && !sameFormValues(allValues(), savedValues.current));
  const company = !album.isrcAssignedOnSubmission;
  // 自行輸入 / 下一個可用編號 only for a registrant with codes of its own (never an individual, whatever the album says).
  const me = useCurrentMe();
  const choosesIsrc = company && canEdit && mayTakeNextAvailable(me);
  const { agencyYear, countryCode } = useAgency();

  /** A typed code far past next available: say how far it jumps and save again only if the user confirms. */
  const onError = (error: Error) => {
    if (isApiError(error, 'ISRC_JUMP_UNCONFIRMED')) {
      modal.confirm({
        title: t('tracks.isrc.jump.title'),
        content: error.message,
        okText: t('tracks.isrc.jump.confirm'),
        cancelText: t('tracks.isrc.jump.cancel'),
        onOk: () => submit(true),
      });
      return;
    }
    saveError.report(error);
  };

  const onFinish = () => submit(false);

  function submit(confirmJump: boolean) {
    const values = allValues();
    saveError.clear();
    const fields = toRecordingFields(values);
    const chosen = choosesIsrc ? isrcChoiceFor(values, track) : undefined;
    const isrc = chosen?.mode === 'own' && confirmJump ? { ...chosen, confirmJump: true } : chosen;
    if (track === undefined) {
      add.mutate(
        { recording: fields, ...(isrc === undefined ? {} : { isrc }) },
        {
          onSuccess: (created) => {
            // Saved: the new track's own page opens without asking.
            savedValues.current = values;
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
          savedValues.current = toTrackFormValues(saved, { productionCompany: album.productionCompany });
          form.setFieldsValue(savedValues.current);
        },
        onError,
      },
    );
  }

  return (
    <CatalogForm form={form} name="track" maxWidth={960} initialValues={initialValues} canEdit={canEdit} onFinish={onFinish}>
      <SectionCard title={t('tracks.sections.isrc')}>
        {choosesIsrc ? <IsrcSection track={track} codes={codes} retroactive={album.retroactive} /> : <IsrcNote album={album} track={track} />}
      </SectionCard>
      <SectionCard title={t('tracks.sections.names')}>
        <TrackNameFields />
      </SectionCard>
      <SectionCard title={t('tracks.sections.details')}>
        <TrackDetailFields readOnly={!canEdit} />
      </SectionCard>
      <SectionCard title={t('tracks.sections.version')}>
        <VersionFields currentIsrc={track?.recording.isrc ?? null} isrcExample={ownIsrcExample(countryCode, codes, agencyYear())?.display} />
      </SectionCard>
      {canEdit ? (
        <SaveActions alert={saveError.alert}>
          <Flex gap="middle" align="center" wrap>
            <Button type="primary" htmlType="submit" loading={add.isPending || save.isPending}>
              {t('common.saveChanges')}
            </Button>
            {track === undefined ? null : <Link to={trackPagePath(album.id, 'new')}>{t('tracks.addNext')}</Link>}
          </Flex>
        </SaveActions>
      ) : null}
    </CatalogForm>
  );
}
