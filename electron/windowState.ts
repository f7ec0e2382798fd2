// Window size and position, remembered between runs and kept on a screen that still exists.
import { readFile } from 'node:fs/promises';
import { atomicWrite } from '../core/fs/atomicWrite.js';
import { z } from 'zod';

const stateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof stateSchema>;
export type Area = { x: number; y: number; width: number; height: number };

export const DEFAULT_SIZE = { width: 1400, height: 900 };

/**
 * The saved state if its window still overlaps a display's work area by a usable amount (a monitor may have been
 * unplugged), shrunk to fit that display; otherwise undefined and the window opens centred at the default size.
 */
export function fitToDisplays(state: WindowState | undefined, workAreas: Area[]): WindowState | undefined {
  if (!state) return undefined;
  for (const a of workAreas) {
    const overlapW = Math.min(state.x + state.width, a.x + a.width) - Math.max(state.x, a.x);
    const overlapH = Math.min(state.y + state.height, a.y + a.height) - Math.max(state.y, a.y);
    if (overlapW < 100 || overlapH < 100) continue;
    const width = Math.min(state.width, a.width);
    const height = Math.min(state.height, a.height);
    const x = Math.min(Math.max(state.x, a.x), a.x + a.width - width);
    const y = Math.min(Math.max(state.y, a.y), a.y + a.height - height);
    return { ...state, x, y, width, height };
  }
  return undefined;
}

/** A missing or damaged state file just means default placement: it is not the user's work. */
export async function loadWindowState(file: string): Promise<WindowState | undefined> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await atomicWrite(file, JSON.stringify(state));
}
