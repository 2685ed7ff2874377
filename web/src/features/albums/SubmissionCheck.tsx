import { useId, type Ref } from 'react';
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import { trackPagePath } from '../tracks/paths';
import type { ShownProblem } from './problems';
import { FOCUS_PARAM } from './use-focus-field';

interface Props {
  album: AlbumResponse;
  problems: ShownProblem[];
  headingRef: Ref<HTMLHeadingElement>;
  onClose: () => void;
}

/** Where a problem is fixed: the album form's field, the 曲目 tab's 曲目新增, or the track's field. */
function problemLink(albumId: string, problem: ShownProblem): string {
  if (problem.scope === 'track' && problem.trackId !== undefined) {
    return `${trackPagePath(albumId, problem.trackId)}?${FOCUS_PARAM}=${encodeURIComponent(problem.field)}`;
  }
  return problem.field === 'tracks' ? `?tab=tracks&${FOCUS_PARAM}=addTrack` : `?tab=album&${FOCUS_PARAM}=${encodeURIComponent(problem.field)}`;
}

function Group({ title, albumId, problems }: { title: string; albumId: string; problems: ShownProblem[] }) {
  return (
    <div className="submission-check__group">
      <h3>{title}</h3>
      <ul>
        {problems.map((problem) => (
          <li key={problem.key}>
            <Link to={problemLink(albumId, problem)}>{problem.message}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every problem of the album and each track at once, grouped 專輯 / 第 N 首, each linking to its field. */
export function SubmissionCheck({ album, problems, headingRef, onClose }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const close = (
    <Button size="small" onClick={onClose}>
      {t('common.close')}
    </Button>
  );

  if (problems.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16, background: '#f6ffed', borderColor: '#b7eb8f' }}
        title={
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="submission-check__title">
            {t('submission.ready')}
          </h2>
        }
        action={close}
      />
    );
  }

  const albumProblems = problems.filter((problem) => problem.scope === 'album');
  const positions = [...new Set(problems.flatMap((problem) => (problem.scope === 'track' ? [problem.position ?? 0] : [])))].sort((a, b) => a - b);
  const trackTitle = (position: number) => album.tracks.find((track) => track.position === position)?.recording.title ?? '';

  return (
    <section aria-labelledby={headingId} className="submission-check">
      <Alert
        type="error"
        showIcon
        title={
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="submission-check__title">
            {t('submission.problemsTitle', { count: problems.length })}
          </h2>
        }
        action={close}
        description={
          <>
            {albumProblems.length > 0 ? <Group title={t('submission.albumGroup')} albumId={album.id} problems={albumProblems} /> : null}
            {positions.map((position) => {
              const title = trackTitle(position);
              return (
                <Group
                  key={position}
                  title={title === '' ? t('submission.trackGroup', { position }) : t('submission.trackGroupTitled', { position, title })}
                  albumId={album.id}
                  problems={problems.filter((problem) => problem.scope === 'track' && problem.position === position)}
                />
              );
            })}
          </>
        }
      />
    </section>
  );
}
