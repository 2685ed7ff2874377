import { useState } from 'react';
import { App, Button, Form, Radio, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DayRangePicker } from '../../components/DayRangePicker';
import type { DayRange } from '../../lib/calendar-day';
import { downloadMarcRange, MARC_FORMATS, type MarcFormat } from './api';

/** 匯出 MARC for the agency: every album approved in a period, as one file for the library's cataloguers. */
export function MarcRangeExport() {
  const { t } = useTranslation('marc');
  const { message } = App.useApp();
  const [range, setRange] = useState<DayRange>({});
  const [format, setFormat] = useState<MarcFormat>('xml');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (range.from === undefined || range.to === undefined) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await downloadMarcRange(range.from, range.to, format);
    } catch (error) {
      void message.error(t('failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="marc-range-title">
      <Typography.Title level={2} id="marc-range-title" style={{ fontSize: 16 }}>
        {t('range.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('range.intro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit()} style={{ maxWidth: 420 }}>
        <Form.Item
          label={t('range.period')}
          htmlFor="marc-period"
          required
          validateStatus={missing ? 'error' : undefined}
          help={missing ? t('range.required') : undefined}
        >
          <DayRangePicker
            id="marc-period"
            endLabel={t('range.periodEnd')}
            value={range}
            onChange={(next) => {
              setRange(next);
              // The message goes as soon as both days are there, not only on the next 匯出.
              if (next.from !== undefined && next.to !== undefined) {
                setMissing(false);
              }
            }}
            width={320}
          />
        </Form.Item>
        <Form.Item label={t('range.format')}>
          <Radio.Group value={format} onChange={(e) => setFormat(e.target.value === 'mrc' ? 'mrc' : 'xml')} aria-label={t('range.format')}>
            {MARC_FORMATS.map((f) => (
              <Radio key={f} value={f}>
                {t(`formats.${f}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<DownloadOutlined />} loading={busy}>
          {t('range.submit')}
        </Button>
      </Form>
    </section>
  );
}
