import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgencyContact } from '../agency/AgencyContact';
import type { PendingFeature } from './pending-features';
import './pending.css';

/** 「尚未開放」 beside the text that names a function not online yet. */
export function PendingTag() {
  const { t } = useTranslation();
  return (
    // Colours checked for AA contrast (antd's preset orange is too light for text), as DemoTag.
    <Tag className="pending-tag" style={{ color: '#873800', background: '#fff7e6', borderColor: '#ffc069' }}>
      {t('pending.tag')}
    </Tag>
  );
}

/** How to do it until the function is online: the interim route, then whom to contact. */
export function PendingRoute({ feature }: { feature: PendingFeature }) {
  const { t } = useTranslation();
  return (
    <div className="pending-route" role="note">
      <p>
        <strong>{t('pending.today')}</strong>
        {/* pending.<feature> exists for every pending feature (pending-features.test.ts); while none is
            pending the key type is empty, hence the cast. */}
        {t(`pending.${String(feature)}` as never)}
      </p>
      <AgencyContact variant="block" />
    </div>
  );
}
