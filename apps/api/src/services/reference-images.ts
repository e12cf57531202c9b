import { readFile } from 'node:fs/promises';
import { imageHashFromBytes } from '@jf/detection';
import type { Document } from '@jf/db';

/**
 * Perceptual hashes of a product's reference photos, which detection compares with listing images.
 * A photo that cannot be read or decoded (WebP, a damaged file) simply has no hash: the product is
 * still protected by its keywords and price.
 */
export async function referenceImageHashes(documents: readonly Document[]): Promise<string[]> {
  const hashes: string[] = [];
  for (const document of documents) {
    const bytes = await readFile(document.storagePath).catch(() => null);
    const hash = bytes ? imageHashFromBytes(bytes, document.contentType) : null;
    if (hash && !hashes.includes(hash)) hashes.push(hash);
  }
  return hashes;
}
