import { useRef, useState } from 'react';
import { App, Button, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import { ALBUM_FORM_FIELDS, toAlbumFields, toAlbumFormValues, type AlbumFormValues } from './album-values';
import { useUpdateAlbum } from './api';
import { AlbumFormFields } from './AlbumFormFields';
import { CatalogForm } from './CatalogForm';
import { SaveActions } from './SaveActions';
import { sameFormValues } from './unsaved-changes';
import { useLeaveGuard } from './use-leave-guard';
import { useSaveError } from './use-save-error';

/** Server errors that belong next to one field: unticking 回溯編碼 while tracks need it. */
const ALBUM_CODE_FIELDS: Readonly<Record<string, string>> = { ALBUM_RETROACTIVE_REQUIRED: 'retroactive' };

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
  const saveError = useSaveError(form, { fields: ALBUM_FORM_FIELDS, codeFields: ALBUM_CODE_FIELDS });
  const [initialValues] = useState(() => toAlbumFormValues(album));
  /** What the server has, as the form shows it: leaving asks first when the form differs. */
  const savedValues = useRef(initialValues);

  // All values, not only those of registered fields: each credit row's role has no input of its own.
  const allValues = () => form.getFieldsValue(true) as AlbumFormValues;
  useLeaveGuard(() => canEdit && !sameFormValues(allValues(), savedValues.current));

  const save = async (values: AlbumFormValues): Promise<AlbumResponse | undefined> => {
    saveError.clear();
    try {
      const updated = await update.mutateAsync(toAlbumFields(values));
      savedValues.current = toAlbumFormValues(updated);
      form.setFieldsValue(savedValues.current);
      form.setFields(ALBUM_FORM_FIELDS.map((name) => ({ name, touched: false })));
      return updated;
    } catch (error) {
      saveError.report(error);
      return undefined;
    }
  };

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
    <CatalogForm form={form} name="album" maxWidth={860} initialValues={initialValues} canEdit={canEdit} onFinish={() => void onFinish()}>
      <AlbumFormFields album={album} readOnly={!canEdit} />
      {canEdit ? (
        <Form.Item label=" " colon={false}>
          <SaveActions alert={saveError.alert}>
            <Flex gap="small" wrap>
              <Button type="primary" htmlType="submit" loading={update.isPending}>
                {t('common.saveChanges')}
              </Button>
              <Button onClick={() => void submit()} loading={submitting} disabled={update.isPending}>
                {t('albums.submit')}
              </Button>
            </Flex>
          </SaveActions>
        </Form.Item>
      ) : null}
    </CatalogForm>
  );
}
