// Its own module so pages can use it without the upload checks (which need Node's Buffer).

/** A size as people read it: 25 MB, 1.5 MB, 800 KB. */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1000 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} KB`;
  return `${bytes} bytes`;
}

