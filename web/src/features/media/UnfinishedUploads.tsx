import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import { discardUnfinished, unfinishedUploads, uploadedBytes, type UnfinishedUpload } from './tus-transfer';
import { useUploadItems } from './upload-context';
import { percentOf } from './upload-format';

interface Entry extends UnfinishedUpload {
  offset: number;
}

/**
 * After a reload or a closed laptop: the uploads of this album the browser remembers and the server
 * still keeps. Choosing the same file again resumes one; 捨棄 gives it up.
 */
export function UnfinishedUploads({ album }: { album: AlbumResponse }) {
  const { t } = useTranslation('media');
  const items = useUploadItems();
  const [entries, setEntries] = useState<Entry[]>([]);

  useEffect(() => {
    let live = true;
    void (async () => {
      const found: Entry[] = [];
      for (const upload of await unfinishedUploads(album.id)) {
        const offset = await uploadedBytes(upload.uploadUrl);
        if (offset === null) {
          // The server has dropped it: nothing to resume.
          await discardUnfinished(upload, false);
        } else {
          found.push({ ...upload, offset });
        }
      }
      if (live) {
        setEntries(found);
      }
    })();
    return () => {
      live = false;
    };
  }, [album.id]);

  // One chosen again on this page is resuming (or done): no longer offered.
  const shown = entries.filter(
    (entry) => !items.some((item) => item.fileName === entry.fileName && (item.batchId !== null) === (entry.trackId === null)),
  );
  if (shown.length === 0) {
    return null;
  }
  const target = (entry: Entry) => {
    const track = album.tracks.find((x) => x.id === entry.trackId);
    return track === undefined ? t('unfinished.batchTarget') : t('batch.trackLine', { position: track.position, name: track.recording.title });
  };
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('unfinished.title', { count: shown.length })}
      description={
        <>
          <p style={{ marginBottom: 4 }}>{t('unfinished.text')}</p>
          <ul className="unfinished-list">
            {shown.map((entry) => (
              <li key={entry.key}>
                {t('unfinished.item', { file: entry.fileName, target: target(entry), percent: percentOf(entry.offset, entry.size) })}{' '}
                <Button
                  size="small"
                  aria-label={t('unfinished.discardLabel', { file: entry.fileName })}
                  onClick={() => {
                    setEntries((all) => all.filter((e) => e.key !== entry.key));
                    void discardUnfinished(entry);
                  }}
                >
                  {t('unfinished.discard')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}
