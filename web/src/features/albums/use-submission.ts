import { createElement, useRef, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import { isApiError } from '../../lib/api-client';
import { useSubmitAlbum } from './api';
import { useCatalogLocale } from './catalog-locale';
import { clientProblems, serverProblems, type ShownProblem } from './problems';
import { useSessionFlag } from './session-flag';
import { SubmitReminders } from './SubmitReminders';

interface ServerAnswer {
  problems: ShownProblem[];
  /** The album version the server checked; a later save makes the client's check current again. */
  updatedAt: string;
}

/**
 * 送出審核: the client's completeness check first (the server's own module), then a confirmation
 * with the guide's reminders, then the server — whose ALBUM_INCOMPLETE problems are shown as they are.
 */
export function useSubmission(album: AlbumResponse) {
  const { t } = useTranslation();
  const locale = useCatalogLocale();
  const { modal, message } = App.useApp();
  const submit = useSubmitAlbum(album.id);
  const [checkShown, setCheckShown] = useSessionFlag(`isrc.albumCheck.${album.id}`);
  const [answer, setAnswer] = useState<ServerAnswer | null>(null);
  const [submitted, setSubmitted] = useState<AlbumResponse | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const problems = answer !== null && answer.updatedAt === album.updatedAt ? answer.problems : clientProblems(album, locale);

  const showCheck = () => {
    setCheckShown(true);
    window.setTimeout(() => headingRef.current?.focus(), 0);
  };

  const send = async (checked: AlbumResponse) => {
    try {
      const done = await submit.mutateAsync();
      setCheckShown(false);
      setAnswer(null);
      setSubmitted(done);
    } catch (error) {
      if (isApiError(error, 'ALBUM_INCOMPLETE')) {
        setAnswer({ problems: serverProblems(error.details, locale), updatedAt: checked.updatedAt });
        showCheck();
        return;
      }
      void message.error(error instanceof Error ? error.message : t('errors.unknown'));
    }
  };

  const request = (current: AlbumResponse) => {
    setAnswer(null);
    if (clientProblems(current, locale).length > 0) {
      showCheck();
      return;
    }
    modal.confirm({
      title: t('submission.confirmTitle'),
      content: createElement(SubmitReminders, { individual: current.isrcAssignedOnSubmission }),
      okText: t('albums.submit'),
      cancelText: t('common.cancel'),
      width: 560,
      onOk: () => send(current),
    });
  };

  return {
    request,
    pending: submit.isPending,
    checkShown,
    hideCheck: () => setCheckShown(false),
    problems,
    headingRef,
    submitted,
    closeResult: () => setSubmitted(null),
  };
}
