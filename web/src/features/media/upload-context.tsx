import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { albumKeys } from '../albums/api';
import { tusTransfer } from './tus-transfer';
import { batchProgress } from './batch-progress';
import { FINISHED_PHASES, UploadQueue, type UploadItem } from './upload-queue';

interface AlbumUploads {
  albumId: string;
  queue: UploadQueue<File>;
}

const UploadContext = createContext<AlbumUploads | null>(null);

/**
 * The uploads of one album page, shared by the track table and 數位媒體批次上傳. Each finished file
 * refreshes the album (its tracks' audio) and is announced to screen readers; a dropped connection
 * resumes when the browser is online again; leaving the page pauses what is running (the server
 * keeps it, and choosing the same file again resumes it).
 */
export function AlbumUploadProvider({ albumId, children }: { albumId: string; children: ReactNode }) {
  const { t, i18n } = useTranslation('media');
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const finishedRef = useRef<(item: UploadItem) => void>(() => undefined);
  const [queue] = useState(
    () =>
      new UploadQueue<File>((file, trackId, events) => tusTransfer(file, albumId, trackId, events), {
        onFinished: (item) => finishedRef.current(item),
      }),
  );

  useEffect(() => {
    finishedRef.current = (item) => {
      void queryClient.invalidateQueries({ queryKey: albumKeys.all });
      const message = item.error ?? t('errors.noMessage');
      if (item.batchId === null) {
        setAnnouncement(
          item.phase === 'stored'
            ? t('announce.stored', { file: item.fileName })
            : t(item.phase === 'refused' ? 'announce.refused' : 'announce.failed', { file: item.fileName, message }),
        );
        return;
      }
      const batch = queue.getSnapshot().filter((i) => i.batchId === item.batchId);
      if (batch.every((i) => FINISHED_PHASES.includes(i.phase))) {
        const progress = batchProgress(batch);
        setAnnouncement(t('announce.batchDone', { stored: progress.stored, refused: progress.refused + progress.failed }));
      }
    };
  });

  // The audio's warnings and refusals are the server's words in the request's language: read them again in the new one.
  useEffect(() => {
    const onLanguage = () => void queryClient.invalidateQueries({ queryKey: albumKeys.detail(albumId) });
    i18n.on('languageChanged', onLanguage);
    return () => i18n.off('languageChanged', onLanguage);
  }, [i18n, queryClient, albumId]);

  useEffect(() => {
    const onOnline = () => queue.resume('interrupted');
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (queue.busy()) {
        event.preventDefault();
      }
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('beforeunload', onBeforeUnload);
      queue.pause('all');
    };
  }, [queue]);

  return (
    <UploadContext.Provider value={{ albumId, queue }}>
      {children}
      <div className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </div>
    </UploadContext.Provider>
  );
}

export function useAlbumUploads(): AlbumUploads {
  const value = useContext(UploadContext);
  if (value === null) {
    throw new Error('useAlbumUploads needs an AlbumUploadProvider');
  }
  return value;
}

/** Every upload of the album page, re-read on each change. */
export function useUploadItems(): readonly UploadItem[] {
  const { queue } = useAlbumUploads();
  return useSyncExternalStore(queue.subscribe, queue.getSnapshot);
}
