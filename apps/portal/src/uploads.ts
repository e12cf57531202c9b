import { getCsrfToken } from './trpc';

/** The upload was refused (type, size, session); the message says why and belongs to the file field. */
export class UploadError extends Error {}

/** Stores a file as one of the brand's documents and returns its id, for a form to cite. */
export async function uploadDocument(file: File): Promise<string> {
  const response = await fetch('/api/documents', {
    method: 'POST',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      'x-csrf-token': getCsrfToken(),
      'x-file-name': file.name,
    },
    body: file,
  });
  const body = (await response.json()) as { id?: string; error?: { message: string } };
  if (!response.ok || !body.id)
    throw new UploadError(`${file.name}: ${body.error?.message ?? 'the file could not be uploaded'}`);
  return body.id;
}
