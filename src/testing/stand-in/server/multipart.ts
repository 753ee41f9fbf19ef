/// <reference types="node" />
// Reads one text field of a multipart/form-data body (the access-point request is a form with one field, `request`).

export function multipartField(body: Buffer, contentType: string, name: string): string | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return undefined;
  for (const part of body.toString('utf8').split(`--${marker}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (!new RegExp(`name="${name}"`, 'i').test(headers)) continue;
    return part.slice(split + 4).replace(/\r\n$/, '');
  }
  return undefined;
}
