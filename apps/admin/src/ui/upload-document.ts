import { HttpError } from 'react-admin';
import { csrfHeaders } from '../providers/trpc';

/** The types and size the API keeps as documents; checked here first so a wrong file fails before anything is sent. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_ACCEPT = DOCUMENT_TYPES.join(',');

/** Why a file cannot be attached, or null when it can. */
export function documentProblem(file: File): string | null {
  if (!(DOCUMENT_TYPES as readonly string[]).includes(file.type)) return `${file.name} is not a PDF, PNG, JPEG or WebP file`;
  if (file.size > DOCUMENT_MAX_BYTES) return `${file.name} is larger than 10 MB`;
  return null;
}

/** Where the API serves a stored document to the signed-in user. */
export const documentUrl = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/**
 * Stores a file as one of the brand's documents (staff name the brand in `x-brand-id`) and returns its
 * id, for a message to cite. Header values must be Latin-1, so other characters in the name become "_".
 */
export async function uploadDocument(brandId: string, file: File): Promise<string> {
  const response = await fetch('/api/documents', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      ...csrfHeaders(),
      'content-type': file.type || 'application/octet-stream',
      'x-file-name': file.name.replace(/[^\x20-\x7e]/g, '_'),
      'x-brand-id': brandId,
    },
    body: file,
  });
  const body = (await response.json().catch(() => null)) as { id?: string; error?: { message?: string } } | null;
  if (!response.ok || !body?.id) {
    throw new HttpError(`${file.name}: ${body?.error?.message ?? `the file could not be uploaded (HTTP ${response.status})`}`, response.status);
  }
  return body.id;
}
