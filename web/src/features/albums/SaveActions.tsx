import { useEffect, useRef, type ReactNode } from 'react';
import { FormAlert } from '../../components/FormAlert';

/**
 * The form's save buttons, with the server's message that no field could show just above them
 * (useSaveError's `alert`): where the user clicked, and scrolled into view with the buttons when
 * it appears, since it pushes them down.
 */
export function SaveActions({ alert, children }: { alert: string | null; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (alert !== null) {
      ref.current?.scrollIntoView({ block: 'nearest' });
    }
  }, [alert]);
  return (
    <div ref={ref}>
      <FormAlert message={alert} />
      {children}
    </div>
  );
}
