import { useCallback, useState } from 'react';

function read(key: string): boolean {
  try {
    return window.sessionStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

/** A yes/no that survives leaving the page and coming back in this browser tab. */
export function useSessionFlag(key: string): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => read(key));
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        if (next) {
          window.sessionStorage.setItem(key, '1');
        } else {
          window.sessionStorage.removeItem(key);
        }
      } catch {
        // Storage unavailable: the flag lasts as long as the page.
      }
    },
    [key],
  );
  return [value, set];
}
