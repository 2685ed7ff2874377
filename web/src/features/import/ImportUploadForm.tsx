import { useId, useRef, useState, type ChangeEvent } from 'react';
import { Button, Checkbox, Flex, Form, Progress, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewResponse, ImportProgress } from '../../../../src/import/import.schemas.js';
import { COVER_ACCEPT } from '../../../../src/media/covers.schemas.js';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { useProgressText } from '../media/UploadProgress';
import { formatBytes, percentOf, RateMeter } from '../media/upload-format';
import { templateUrl, uploadPreview } from './api';
import { coverProblem, workbookProblem, type ChosenFileProblem } from './import-format';
import { progressPercent } from './import-stream';

const WORKBOOK_ID = 'import_file';
const COVER_ID = 'import_cover';
const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Sending {
  loaded: number;
  total: number;
  bytesPerSecond: number | null;
  /** Once the file is up: how far the server is in reading and checking it. */
  server?: ImportProgress;
}

/** One labelled native file input: reachable with the keyboard, named by its label, its problem beside it. */
function FileField({
  id,
  label,
  help,
  accept,
  required,
  file,
  problem,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  help: string;
  accept: string;
  required: boolean;
  file: File | undefined;
  problem: string | undefined;
  disabled: boolean;
  onChange: (file: File | undefined) => void;
}) {
  const { t } = useTranslation('import');
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      required={required}
      validateStatus={problem === undefined ? undefined : 'error'}
      help={problem}
      extra={
        <>
          {help}
          {file === undefined ? null : (
            <>
              <br />
              {t('form.chosen', { name: file.name, size: formatBytes(file.size) })}
            </>
          )}
        </>
      }
    >
      <input
        id={id}
        type="file"
        className="import-file-input"
        accept={accept}
        disabled={disabled}
        aria-required={required}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.files?.[0])}
      />
    </Form.Item>
  );
}

/** 下載批次上傳範本 and the upload form: the .xlsx, the cover, 「空白的 ISRC 使用下一個可用編號」, 預覽資料. */
export function ImportUploadForm({ onPreview }: { onPreview: (preview: ImportPreviewResponse) => void }) {
  const { t } = useTranslation('import');
  const progressText = useProgressText();
  const nextId = useId();
  const [file, setFile] = useState<File | undefined>();
  const [cover, setCover] = useState<File | undefined>();
  const [nextAvailable, setNextAvailable] = useState(false);
  const [problems, setProblems] = useState<{ file?: ChosenFileProblem | 'required'; cover?: ChosenFileProblem }>({});
  const [sending, setSending] = useState<Sending | undefined>();
  const [error, setError] = useState<string | undefined>();
  const meter = useRef(new RateMeter());

  const chooseFile = (chosen: File | undefined) => {
    setFile(chosen);
    setProblems((p) => ({ ...p, file: chosen === undefined ? undefined : workbookProblem(chosen) }));
  };
  const chooseCover = (chosen: File | undefined) => {
    setCover(chosen);
    setProblems((p) => ({ ...p, cover: chosen === undefined ? undefined : coverProblem(chosen) }));
  };

  const onSubmit = async () => {
    setError(undefined);
    if (file === undefined) {
      setProblems((p) => ({ ...p, file: 'required' }));
      document.getElementById(WORKBOOK_ID)?.focus();
      return;
    }
    if (problems.file !== undefined || problems.cover !== undefined) {
      document.getElementById(problems.file === undefined ? COVER_ID : WORKBOOK_ID)?.focus();
      return;
    }
    meter.current.reset();
    setSending({ loaded: 0, total: file.size + (cover?.size ?? 0), bytesPerSecond: null });
    try {
      const preview = await uploadPreview(
        { file, cover, nextAvailable },
        ({ loaded, total }) => {
          meter.current.add(performance.now(), loaded);
          setSending((s) => ({ ...s, loaded, total, bytesPerSecond: meter.current.rate() }));
        },
        (server) => setSending((s) => (s === undefined ? s : { ...s, loaded: s.total, server })),
      );
      onPreview(preview);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(undefined);
    }
  };

  const problemText = (problem: ChosenFileProblem | 'required' | undefined) =>
    problem === undefined ? undefined : problem === 'required' ? t('form.workbookRequired') : t(`form.problem.${problem}`);
  const busy = sending !== undefined;
  const server = sending?.server;
  const percent = sending === undefined ? 0 : server !== undefined ? progressPercent(server) : percentOf(sending.loaded, sending.total);
  const checking = sending !== undefined && sending.total > 0 && sending.loaded >= sending.total;
  const statusText = () => {
    if (sending === undefined) {
      return '';
    }
    if (server?.phase === 'checking') {
      return t('form.checkingTracks', { done: server.done, total: server.total });
    }
    if (checking) {
      return t('form.checking');
    }
    return `${t('form.uploading')} · ${progressText({ loaded: sending.loaded, total: sending.total, bytesPerSecond: sending.bytesPerSecond, moving: true })}`;
  };

  return (
    <>
      <SectionCard title={t('template.heading')}>
        <Typography.Paragraph strong style={{ marginBottom: 8 }}>
          {t('template.album')}
        </Typography.Paragraph>
        <Flex gap="middle" wrap>
          <Button icon={<DownloadOutlined />} href={templateUrl('zh-TW')} download>
            {t('template.zh')}
          </Button>
          <Button icon={<DownloadOutlined />} href={templateUrl('en')} download>
            {t('template.en')}
          </Button>
        </Flex>
        <Typography.Paragraph strong style={{ marginTop: 16, marginBottom: 8 }}>
          {t('template.catalogue')}
        </Typography.Paragraph>
        <Flex gap="middle" wrap>
          <Button icon={<DownloadOutlined />} href={templateUrl('zh-TW', 'catalogue')} download>
            {t('template.catalogueZh')}
          </Button>
          <Button icon={<DownloadOutlined />} href={templateUrl('en', 'catalogue')} download>
            {t('template.catalogueEn')}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('template.catalogueHelp')}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('template.help')}
        </Typography.Paragraph>
      </SectionCard>
      <SectionCard title={t('form.heading')}>
        <Form layout="vertical" onFinish={() => void onSubmit()} requiredMark>
          <FileField
            id={WORKBOOK_ID}
            label={t('form.workbook')}
            help={t('form.workbookHelp')}
            accept={XLSX_ACCEPT}
            required
            file={file}
            problem={problemText(problems.file)}
            disabled={busy}
            onChange={chooseFile}
          />
          <FileField
            id={COVER_ID}
            label={t('form.cover')}
            help={t('form.coverHelp')}
            accept={COVER_ACCEPT}
            required={false}
            file={cover}
            problem={problemText(problems.cover)}
            disabled={busy}
            onChange={chooseCover}
          />
          <Form.Item extra={<span id={nextId}>{t('form.nextAvailableHelp')}</span>}>
            <Checkbox checked={nextAvailable} disabled={busy} aria-describedby={nextId} onChange={(event) => setNextAvailable(event.target.checked)}>
              {t('form.nextAvailable')}
            </Checkbox>
          </Form.Item>
          <FormAlert message={error ?? null} />
          {sending === undefined ? null : (
            <div className="import-progress" aria-live="polite">
              <Progress
                percent={percent}
                status="active"
                aria-label={server === undefined ? t('form.progressLabel') : t('form.checkProgressLabel')}
                aria-valuetext={`${percent}%`}
              />
              <Typography.Text type="secondary">{statusText()}</Typography.Text>
            </div>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('form.preview')}
          </Button>
        </Form>
      </SectionCard>
    </>
  );
}
