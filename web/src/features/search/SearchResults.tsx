import type { CSSProperties, ReactNode } from 'react';
import { Button, Card, Empty, Flex, Pagination, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDisplay, isIsrc } from '../../../../src/isrc/index.js';
import {
  SEARCH_COUNT_CAP,
  SEARCH_GROUPS,
  type SearchAlbum,
  type SearchGroupName,
  type SearchRecording,
  type SearchRegistrant,
  type SearchResponse,
} from '../../../../src/search/search.schemas.js';
import { StatusTag } from '../../components/StatusTag';
import { ReviewStatusTag } from '../albums/AlbumTags';

/** Kind tags: text colours checked for AA contrast on their backgrounds. */
const KIND_STYLE: Record<SearchGroupName, CSSProperties> = {
  recordings: { color: '#0444a8', background: '#e6f4ff', borderColor: '#91caff' },
  albums: { color: '#1e6b2f', background: '#e8f5e9', borderColor: '#9fd3a8' },
  registrants: { color: '#873800', background: '#fff7e6', borderColor: '#ffc069' },
};

const ITEM_STYLE: CSSProperties = { padding: '10px 0' };
const DIVIDED: CSSProperties = { ...ITEM_STYLE, borderTop: '1px solid #f0f0f0' };
const LIST_STYLE: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };

/** An ideographic space between facts on one line, as in the agency's printed lists. */
const GAP = '\u3000';

const displayIsrc = (isrc: string) => (isIsrc(isrc) ? formatDisplay(isrc) : isrc);

function KindTag({ kind }: { kind: SearchGroupName }) {
  const { t } = useTranslation('search');
  return <Tag style={KIND_STYLE[kind]}>{t(`kindTag.${kind}`)}</Tag>;
}

function RecordingItem({ item }: { item: SearchRecording }) {
  const { t } = useTranslation('search');
  return (
    <Space orientation="vertical" size={2}>
      <Space wrap>
        <KindTag kind="recordings" />
        <Typography.Text strong className="isrc">
          {item.isrc === null ? t('fields.noIsrc') : displayIsrc(item.isrc)}
        </Typography.Text>
        <span>{item.title}</span>
      </Space>
      <Typography.Text type="secondary">
        {t('fields.artist')}：{item.artistText || '—'}
        {GAP}
        {t('fields.registrant')}：<Link to={`/admin/registrants/${item.registrantId}`}>{item.registrantName}</Link>
      </Typography.Text>
      {item.albums.length > 0 ? (
        <span>
          {t('fields.onAlbums')}：
          {item.albums.map((album, i) => (
            <span key={album.id}>
              {i > 0 ? '、' : null}
              <Link to={`/review/${album.id}`}>
                {album.title || '—'}（{album.albumNumber}）
              </Link>
            </span>
          ))}
        </span>
      ) : null}
    </Space>
  );
}

function AlbumItem({ item }: { item: SearchAlbum }) {
  const { t } = useTranslation('search');
  return (
    <Space orientation="vertical" size={2}>
      <Space wrap>
        <KindTag kind="albums" />
        <Link to={`/review/${item.id}`}>{item.title || '—'}</Link>
        <ReviewStatusTag status={item.status} />
      </Space>
      <Typography.Text type="secondary">
        {t('fields.albumNumber')}：{item.albumNumber}
        {GAP}
        {t('fields.artist')}：{item.artistText || '—'}
        {GAP}
        {t('fields.registrant')}：<Link to={`/admin/registrants/${item.registrantId}`}>{item.registrantName}</Link>
      </Typography.Text>
    </Space>
  );
}

function RegistrantItem({ item }: { item: SearchRegistrant }) {
  const { t } = useTranslation('search');
  return (
    <Space wrap>
      <KindTag kind="registrants" />
      <Link to={`/admin/registrants/${item.id}`}>{item.name}</Link>
      <StatusTag status={item.status} />
      <Typography.Text type="secondary">
        {t('fields.codes')}：{item.codes.length > 0 ? item.codes.join('、') : t('fields.noCodes')}
      </Typography.Text>
    </Space>
  );
}

interface GroupProps {
  name: SearchGroupName;
  group: { items: unknown[]; total: number; totalCapped: boolean };
  paging: boolean;
  page: number;
  loading: boolean;
  onShow: (kind: SearchGroupName | undefined, page?: number) => void;
  children: ReactNode;
}

function GroupCard({ name, group, paging, page, loading, onShow, children }: GroupProps) {
  const { t } = useTranslation('search');
  const title = t(`groups.${name}`);
  const count = group.totalCapped ? t('count.capped', { cap: SEARCH_COUNT_CAP.toLocaleString('en') }) : t('count.exact', { total: group.total });
  const headingId = `search-group-${name}`;
  return (
    <Card style={{ marginTop: 16 }} aria-labelledby={headingId} role="region">
      <Flex justify="space-between" align="baseline" wrap gap="small">
        <Typography.Title level={2} id={headingId} style={{ fontSize: 18, margin: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Text strong={group.totalCapped}>{count}</Typography.Text>
      </Flex>
      {group.total === 0 ? <Typography.Paragraph type="secondary">{t('none', { group: title })}</Typography.Paragraph> : children}
      {paging && group.total > 0 ? (
        <Pagination
          style={{ marginTop: 8 }}
          current={page}
          pageSize={10}
          total={group.total}
          showSizeChanger={false}
          disabled={loading}
          onChange={(p) => onShow(name, p)}
          aria-label={t('pagination', { group: title })}
        />
      ) : null}
      {!paging && group.total > group.items.length ? (
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => onShow(name)}>
          {t('more', { group: title })}
        </Button>
      ) : null}
    </Card>
  );
}

export function SearchResults({
  data,
  kind,
  loading,
  onShow,
}: {
  data: SearchResponse;
  kind: SearchGroupName | undefined;
  loading: boolean;
  onShow: GroupProps['onShow'];
}) {
  const { t } = useTranslation('search');
  const groups = SEARCH_GROUPS.filter((name) => data[name] !== undefined);
  const nothing = groups.every((name) => data[name]?.total === 0);
  const reading =
    data.reading === 'isrc' && data.isrc !== undefined ? t('reading.isrc', { isrc: displayIsrc(data.isrc) }) : t(`reading.${data.reading}`);
  const anyCapped = groups.some((name) => data[name]?.totalCapped === true);
  return (
    <section aria-live="polite" aria-busy={loading}>
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginTop: 16 }}>
        <Typography.Text>{reading}</Typography.Text>
        {kind === undefined ? null : <Button onClick={() => onShow(undefined)}>{t('backToAll')}</Button>}
      </Flex>
      {anyCapped ? <Typography.Paragraph type="secondary">{t('count.cappedNote', { cap: SEARCH_COUNT_CAP })}</Typography.Paragraph> : null}
      {nothing ? (
        <Card style={{ marginTop: 16 }}>
          <Empty description={<Typography.Text>{t('empty.title', { q: data.q })}</Typography.Text>}>
            <Typography.Text type="secondary">{t('empty.hint')}</Typography.Text>
          </Empty>
        </Card>
      ) : (
        groups.map((name) => {
          const group = data[name];
          if (group === undefined) {
            return null;
          }
          const common = { name, group, paging: kind !== undefined, page: data.page, loading, onShow };
          if (name === 'recordings') {
            return (
              <GroupCard key={name} {...common}>
                <ul style={LIST_STYLE}>
                  {data.recordings?.items.map((item, i) => (
                    <li key={item.id} style={i === 0 ? ITEM_STYLE : DIVIDED}>
                      <RecordingItem item={item} />
                    </li>
                  ))}
                </ul>
              </GroupCard>
            );
          }
          if (name === 'albums') {
            return (
              <GroupCard key={name} {...common}>
                <ul style={LIST_STYLE}>
                  {data.albums?.items.map((item, i) => (
                    <li key={item.id} style={i === 0 ? ITEM_STYLE : DIVIDED}>
                      <AlbumItem item={item} />
                    </li>
                  ))}
                </ul>
              </GroupCard>
            );
          }
          return (
            <GroupCard key={name} {...common}>
              <ul style={LIST_STYLE}>
                {data.registrants?.items.map((item, i) => (
                  <li key={item.id} style={i === 0 ? ITEM_STYLE : DIVIDED}>
                    <RegistrantItem item={item} />
                  </li>
                ))}
              </ul>
            </GroupCard>
          );
        })
      )}
    </section>
  );
}
