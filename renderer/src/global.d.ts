// window.bidforge and window.bidforgeShell, typed from what the preload exposes (electron/preloadBridge.ts); absent in
// the browser host.
import type { PreloadGlobals } from '../../electron/preloadBridge.js';

declare global {
  interface Window extends Partial<PreloadGlobals> {}
}
