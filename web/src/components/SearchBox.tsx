import { useEffect } from 'react';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';

interface SearchBoxProps {
  /** The id of the input; its help paragraph is `${id}-help`. */
  id: string;
  /** The search landmark's name (the page title). */
  name: string;
  label: string;
  placeholder: string;
  help: string;
  submitText: string;
  maxLength: number;
  /** The query the URL holds now: the box shows it (Back, shared links). */
  value: string | undefined;
  /** The trimmed text; '' when the box was emptied. */
  onSearch: (text: string) => void;
  /** Shown above the form, e.g. an introduction. */
  intro?: ReactNode;
}

/** One labelled search box in a card, as 查詢 and the public ISRC search show it. */
export function SearchBox({ id, name, label, placeholder, help, submitText, maxLength, value, onSearch, intro }: SearchBoxProps) {
  const [form] = Form.useForm<{ q: string }>();

  useEffect(() => {
    form.setFieldsValue({ q: value ?? '' });
  }, [form, value]);

  return (
    <Card>
      {intro}
      <Form form={form} layout="vertical" onFinish={({ q }: { q?: string }) => onSearch(q?.trim() ?? '')} role="search" aria-label={name}>
        <Form.Item label={label} htmlFor={id} style={{ marginBottom: 8 }}>
          <Flex gap="small" wrap>
            <Form.Item name="q" noStyle>
              <Input
                id={id}
                aria-describedby={`${id}-help`}
                allowClear
                maxLength={maxLength}
                placeholder={placeholder}
                style={{ maxWidth: 520, flex: '1 1 280px' }}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {submitText}
            </Button>
          </Flex>
        </Form.Item>
        <Typography.Paragraph id={`${id}-help`} type="secondary" style={{ marginBottom: 0 }}>
          {help}
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}
