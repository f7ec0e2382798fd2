// Who acts in the library (author, reviewer). Kept in localStorage until the settings screen owns a user name.
import { useCallback, useState } from 'react';

const USER_KEY = 'bidforge.user';

function readUser(): string {
  try {
    return localStorage.getItem(USER_KEY) ?? '';
  } catch {
    return '';
  }
}

export function useUserName(): [string, (name: string) => void] {
  const [name, setName] = useState(readUser);
  const update = useCallback((n: string) => {
    setName(n);
    try {
      localStorage.setItem(USER_KEY, n);
    } catch {
      /* storage may be unavailable */
    }
  }, []);
  return [name, update];
}
