import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { IsrcCheck } from './IsrcCheck';
import { PendingRoute, PendingTag } from './PendingNotice';
import { manualItemPending } from './pending-features';

const ROUTINE = ['assign', 'report', 'deposit'] as const;
const REPORT_STEPS = ['step1', 'step2', 'step3', 'step4', 'step5', 'step6'] as const;
const DEPOSIT = ['physical', 'digital'] as const;
const NOTES = ['note1', 'note2', 'note3', 'note4'] as const;
const PARTS = ['country', 'registrant', 'year', 'designation'] as const;

/** One item of the manual; one that names a function not online yet is marked 「尚未開放」 with how to do it today. */
function Item({ id, text }: { id: string; text: string }) {
  const pending = manualItemPending(id);
  return (
    <li>
      {text}
      {pending === undefined ? null : (
        <>
          <PendingTag />
          <PendingRoute feature={pending} />
        </>
      )}
    </li>
  );
}

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
            <Item key={key} id={`report.${key}`} text={t(`manual.report.${key}`)} />
          ))}
        </ol>
        <Typography.Paragraph>{t('manual.report.individual')}</Typography.Paragraph>
      </SectionCard>
      <SectionCard title={t('manual.deposit.title')}>
        <ul>
          {DEPOSIT.map((key) => (
            <Item key={key} id={`deposit.${key}`} text={t(`manual.deposit.${key}`)} />
          ))}
        </ul>
      </SectionCard>
      <SectionCard title={t('manual.notes.title')}>
        <ul>
          {NOTES.map((key) => (
            <Item key={key} id={`notes.${key}`} text={t(`manual.notes.${key}`)} />
          ))}
        </ul>
      </SectionCard>
      <IsrcCheck />
    </>
  );
}
