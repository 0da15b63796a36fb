// Form bodies arrive url-encoded or, with attachments, as multipart; both become plain fields here.
// Multipart parts are buffered by the plugin's onFile (platform/http/multipart.ts).
export type Uploaded = { filename: string; bytes: Buffer; truncated: boolean };

type Part = { value?: unknown; type?: string };
const partValue = (p: unknown): unknown => (p && typeof p === 'object' && 'value' in (p as Part) ? (p as Part).value : p);

/** One text field ('' when missing); the last value when a field repeats. */
export function field(body: unknown, name: string): string {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  const v = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  const value = partValue(v);
  return typeof value === 'string' ? value : '';
}

/** Every value of a repeated field (checkboxes). */
export function fields(body: unknown, name: string): string[] {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map(partValue).filter((v): v is string => typeof v === 'string');
}

/** Uploaded files of a field; an empty file input (no name, no bytes) is no file. */
export function files(body: unknown, name: string): Uploaded[] {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list
    .map(partValue)
    .filter((v): v is Uploaded => !!v && typeof v === 'object' && Buffer.isBuffer((v as Uploaded).bytes))
    .filter((u) => u.filename !== '' || u.bytes.length > 0);
}
