import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { IsrcCheck } from './IsrcCheck';

const ROUTINE = ['assign', 'report', 'deposit'] as const;
const REPORT_STEPS = ['step1', 'step2', 'step3', 'step4', 'step5', 'step6'] as const;
const DEPOSIT = ['physical', 'digital'] as const;
const NOTES = ['note1', 'note2', 'note3', 'note4'] as const;
const PARTS = ['country', 'registrant', 'year', 'designation'] as const;

/** 業者操作手冊: the workflow of the agency's guide, in short. */
export function ManualPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('manual.title')} />
      <SectionCard title={t('manual.about.title')}>
        <Typography.Paragraph>{t('manual.about.text')}</Typography.Paragraph>
        <Typography.Paragraph>
          {t('manual.about.example')} <code>TW-A01-26-00001</code>
        </Typography.Paragraph>
        <ol>
          {PARTS.map((part) => (
            <li key={part}>{t(`manual.about.parts.${part}`)}</li>
          ))}
        </ol>
        <Typography.Paragraph>{t('manual.about.scope')}</Typography.Paragraph>
      </SectionCard>
      <SectionCard title={t('manual.routine.title')}>
        <ol>
          {ROUTINE.map((key) => (
            <li key={key}>{t(`manual.routine.${key}`)}</li>
          ))}
        </ol>
      </SectionCard>
      <SectionCard title={t('manual.report.title')}>
        <ol>
          {REPORT_STEPS.map((key) => (
            <li key={key}>{t(`manual.report.${key}`)}</li>
          ))}
        </ol>
        <Typography.Paragraph>{t('manual.report.individual')}</Typography.Paragraph>
      </SectionCard>
      <SectionCard title={t('manual.deposit.title')}>
        <ul>
          {DEPOSIT.map((key) => (
            <li key={key}>{t(`manual.deposit.${key}`)}</li>
          ))}
        </ul>
      </SectionCard>
      <SectionCard title={t('manual.notes.title')}>
        <ul>
          {NOTES.map((key) => (
            <li key={key}>{t(`manual.notes.${key}`)}</li>
          ))}
        </ul>
      </SectionCard>
      <IsrcCheck />
    </>
  );
}
