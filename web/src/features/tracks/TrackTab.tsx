import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import { useCurrentMe } from '../../app/me-context';
import { CiteModal } from '../cite/CiteModal';
import { FOCUS_PARAM } from '../albums/use-focus-field';
import { BatchUploadSection } from '../media/BatchUploadSection';
import { UnfinishedUploads } from '../media/UnfinishedUploads';
import { AlbumUploadProvider } from '../media/upload-context';
import '../media/media.css';
import { AddTrackModal } from './AddTrackModal';
import { trackPagePath } from './paths';
import { TrackTable } from './TrackTable';

/** 曲目 tab: 曲目新增 (新增 or 引用) and the album's tracks. */
export function TrackTab({ album, canEdit }: { album: AlbumResponse; canEdit: boolean }) {
  const { t } = useTranslation();
  const { t: tm } = useTranslation('media');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [choosing, setChoosing] = useState(false);
  const [citing, setCiting] = useState(false);
  const [batchOpen, setBatchOpen] = useState(false);
  // Audio comes from the registrant's own members; the agency listens to it but does not upload.
  const me = useCurrentMe();
  const uploadAllowed = album.audioUploadAllowed && me.registrant !== null;
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAdd = params.get(FOCUS_PARAM) === 'addTrack';

  // The submission check links here when the album has no tracks.
  useEffect(() => {
    if (!focusAdd) {
      return undefined;
    }
    const timer = window.setTimeout(() => {
      addRef.current?.focus();
      setParams({ tab: 'tracks' }, { replace: true });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [focusAdd, setParams]);

  return (
    <AlbumUploadProvider albumId={album.id}>
      {/* What 送出審核 will do: once the album is with the agency, the table shows the assigned codes. */}
      {album.isrcAssignedOnSubmission && album.editable ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('tracks.individualNote')} />
      ) : null}
      {uploadAllowed ? <UnfinishedUploads album={album} /> : null}
      {canEdit || uploadAllowed ? (
        <Flex gap="small" wrap style={{ marginBottom: 16 }}>
          {canEdit ? (
            <Button ref={addRef} type="primary" onClick={() => setChoosing(true)}>
              {t('tracks.add')}
            </Button>
          ) : null}
          {uploadAllowed ? (
            <Button aria-expanded={batchOpen} aria-controls="batch-upload" onClick={() => setBatchOpen((open) => !open)}>
              {tm('batch.open')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
      {/* Kept mounted while closed: a batch goes on being sent, and its results stay to read. */}
      {uploadAllowed ? (
        <div id="batch-upload" hidden={!batchOpen}>
          <BatchUploadSection album={album} />
        </div>
      ) : null}
      <TrackTable album={album} canEdit={canEdit} uploadAllowed={uploadAllowed} />
      <AddTrackModal
        open={choosing}
        onClose={() => setChoosing(false)}
        onChoose={(how) => {
          setChoosing(false);
          if (how === 'new') {
            void navigate(trackPagePath(album.id, 'new'));
          } else {
            setCiting(true);
          }
        }}
      />
      <CiteModal album={album} open={citing} onClose={() => setCiting(false)} />
    </AlbumUploadProvider>
  );
}
