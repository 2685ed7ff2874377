import { useState } from 'react';
import { App, Form, Radio } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CreateAlbumBody } from '../../../../src/catalog/catalog.schemas.js';
import { RELEASE_TYPES } from '../../../../src/catalog/vocabularies.js';
import { FormModal } from '../../components/FormModal';
import { albumPagePath, useCreateAlbum } from './api';
import { termOptions, useCatalogLocale } from './catalog-locale';

/** 專輯新增 → 請指定出版類別 (數位發行 / 實體發行); opens the new album. */
export function CreateAlbumModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useCatalogLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateAlbumBody>();
  const create = useCreateAlbum();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = (values: CreateAlbumBody) => {
    setAlert(null);
    create.mutate(
      { releaseType: values.releaseType },
      {
        onSuccess: (album) => {
          void message.success(t('albums.created', { number: album.albumNumber }));
          onClose();
          void navigate(albumPagePath(album.id));
        },
        onError: (error) => setAlert(error.message),
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t('albums.create')}
      okText={t('albums.create')}
      form={form}
      onCancel={onClose}
      pending={create.isPending}
      alert={alert}
      onAfterClose={() => setAlert(null)}
    >
      <Form form={form} name="create-album" layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={t('albums.releaseTypePrompt')}
          name="releaseType"
          extra={t('albums.releaseTypeHelp')}
          rules={[{ required: true, message: t('albums.releaseTypeRequired') }]}
        >
          <Radio.Group aria-label={t('albums.releaseTypePrompt')} options={termOptions(RELEASE_TYPES, locale)} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
