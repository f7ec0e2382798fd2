// Saves bytes or text as a file through a Blob and a temporary <a download> (works in the browser and in Electron).
// It needs no user activation: Chromium starts the download even when the bytes arrive after the click's activation has
// run out (a slow export or name check); test/e2e/projects.e2e.test.ts holds the host's answer to make sure.
export function downloadBlob(data: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
} as const;
