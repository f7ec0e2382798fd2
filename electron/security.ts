// Which pages may talk to the main process: only our own app:// pages.
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bidforge`;

export function isTrustedUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'bidforge';
  } catch {
    return false;
  }
}
