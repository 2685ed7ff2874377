import { useRef } from 'react';
import { Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { AUDIO_ACCEPT } from './file-match';

/**
 * A button that opens the file chooser (mp3, wav, mp4). The input itself stays out of sight and out
 * of the tab order; the button carries the accessible name, which starts with its visible text.
 */
export function FilePickButton({
  text,
  label,
  onFiles,
  multiple = false,
  primary = false,
}: {
  text: string;
  label: string;
  onFiles: (files: File[]) => void;
  multiple?: boolean;
  primary?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={AUDIO_ACCEPT}
        multiple={multiple}
        hidden
        aria-label={label}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared, so choosing the same file again (after a refusal) still counts as a change.
          event.target.value = '';
          if (files.length > 0) {
            onFiles(files);
          }
        }}
      />
      <Button
        size={primary ? 'middle' : 'small'}
        type={primary ? 'primary' : 'default'}
        icon={<UploadOutlined />}
        aria-label={label}
        onClick={() => input.current?.click()}
      >
        {text}
      </Button>
    </>
  );
}
