import { useId, useState } from 'react';
import { App, Button, Empty, Input, Modal, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse, CitableRecording } from '../../../../src/catalog/catalog.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCitableSearch, useCiteTrack } from '../tracks/api';
import { citeSource } from './cite-source';

/** 引用: find an approved recording (one's own by name or ISRC, another's by its full ISRC) and put it on the album. */
export function CiteModal({ album, open, onClose }: { album: AlbumResponse; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const inputId = useId();
  const [q, setQ] = useState('');
  const search = useCitableSearch(q);
  const cite = useCiteTrack(album.id);
  const onAlbum = new Set(album.tracks.map((track) => track.recording.id));

  const close = () => {
    setQ('');
    onClose();
  };

  const columns: TableColumnsType<CitableRecording> = [
    { title: t('tracks.fields.isrc'), dataIndex: 'isrcDisplay', render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{value}</span> },
    { title: t('tracks.fields.name'), dataIndex: 'title', render: (value: string) => value || '—' },
    { title: t('cite.artist'), dataIndex: 'artist', render: (value: string) => value || '—' },
    { title: t('cite.owner'), dataIndex: 'own', render: (_value, row) => t(`cite.${citeSource(row)}`) },
    {
      title: t('common.actions'),
      key: 'cite',
      fixed: 'right',
      render: (_value, row) =>
        onAlbum.has(row.id) ? (
          <Typography.Text type="secondary">{t('cite.alreadyOnAlbum')}</Typography.Text>
        ) : (
          <Button
            size="small"
            type="primary"
            loading={cite.isPending && cite.variables === row.id}
            aria-label={t('cite.citeLabel', { name: row.title || row.isrcDisplay })}
            onClick={() =>
              cite.mutate(row.id, {
                onSuccess: (track) => {
                  void message.success(t('cite.done', { position: track.position, name: row.title || row.isrcDisplay }));
                  close();
                },
                onError: (error) => void message.error(error.message),
              })
            }
          >
            {t('cite.cite')}
          </Button>
        ),
    },
  ];

  const emptyText = q === '' ? t('cite.prompt') : t('cite.none');

  return (
    <Modal
      open={open}
      title={t('cite.title')}
      onCancel={close}
      footer={<Button onClick={close}>{t('common.close')}</Button>}
      width={820}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('cite.intro')}</Typography.Paragraph>
      <label htmlFor={inputId} style={{ display: 'block', marginBottom: 4 }}>
        {t('cite.searchLabel')}
      </label>
      <Input.Search
        id={inputId}
        autoFocus
        enterButton={t('common.search')}
        allowClear
        maxLength={200}
        onSearch={(value) => setQ(value.trim())}
        style={{ marginBottom: 16 }}
      />
      {search.isError ? <ErrorAlert error={search.error} onRetry={() => void search.refetch()} /> : null}
      <Table<CitableRecording>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={search.data ?? []}
        loading={search.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={emptyText} /> }}
      />
    </Modal>
  );
}
