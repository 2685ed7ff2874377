import { useState } from 'react';
import { App, Button, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { ALBUM_FORM_FIELDS, toAlbumFields, toAlbumFormValues, type AlbumFormValues } from './album-values';
import { useUpdateAlbum } from './api';
import { AlbumFormFields } from './AlbumFormFields';
import { CatalogForm } from './CatalogForm';

interface Props {
  album: AlbumResponse;
  canEdit: boolean;
  /** 送出審核 after the form is saved: the album as the server now has it. */
  onSubmitRequest: (album: AlbumResponse) => void;
  submitting: boolean;
}

/** 專輯 tab: the album form with 儲存修改 and 送出審核; read-only once the album is with the agency. */
export function AlbumForm({ album, canEdit, onSubmitRequest, submitting }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AlbumFormValues>();
  const update = useUpdateAlbum(album.id);
  const [alert, setAlert] = useState<string | null>(null);
  const [initialValues] = useState(() => toAlbumFormValues(album));

  const save = async (values: AlbumFormValues): Promise<AlbumResponse | undefined> => {
    setAlert(null);
    try {
      const updated = await update.mutateAsync(toAlbumFields(values));
      form.setFieldsValue(toAlbumFormValues(updated));
      form.setFields(ALBUM_FORM_FIELDS.map((name) => ({ name, touched: false })));
      return updated;
    } catch (error) {
      if (!applyApiErrorToForm(form, error, { fields: ALBUM_FORM_FIELDS })) {
        setAlert(error instanceof Error ? error.message : t('errors.unknown'));
      }
      return undefined;
    }
  };

  // All values, not only those of registered fields: each credit row's role has no input of its own.
  const allValues = () => form.getFieldsValue(true) as AlbumFormValues;

  const onFinish = async () => {
    if ((await save(allValues())) !== undefined) {
      void message.success(t('albums.saved'));
    }
  };

  /** Unsaved changes are saved first, so the check and the submission see what is on screen. */
  const submit = async () => {
    let current = album;
    if (form.isFieldsTouched()) {
      try {
        await form.validateFields();
      } catch {
        return;
      }
      const updated = await save(allValues());
      if (updated === undefined) {
        return;
      }
      current = updated;
    }
    onSubmitRequest(current);
  };

  return (
    <CatalogForm
      form={form}
      name="album"
      maxWidth={860}
      initialValues={initialValues}
      canEdit={canEdit}
      onFinish={() => void onFinish()}
      alert={alert}
    >
      <AlbumFormFields album={album} readOnly={!canEdit} />
      {canEdit ? (
        <Form.Item label=" " colon={false}>
          <Flex gap="small" wrap>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t('common.saveChanges')}
            </Button>
            <Button onClick={() => void submit()} loading={submitting} disabled={update.isPending}>
              {t('albums.submit')}
            </Button>
          </Flex>
        </Form.Item>
      ) : null}
    </CatalogForm>
  );
}
