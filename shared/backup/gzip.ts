/**
 * gzip through the platform's CompressionStream (Chromium, Node ≥ 18): table rows are text and shrink several
 * times; attachments are stored as they are (photos and PDFs are already compressed).
 */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('gzip'));
}

/**
 * A table section may not inflate beyond this: a crafted file (a "zip bomb") must be refused, not allowed to run the
 * renderer out of memory. Far above any real table (a province decade's change log is a few hundred MB).
 */
export const MAX_INFLATED_SECTION_BYTES = 1024 * 1024 * 1024;

export async function gunzip(bytes: Uint8Array, maxBytes: number = MAX_INFLATED_SECTION_BYTES): Promise<Uint8Array> {
  return pipe(bytes, new DecompressionStream('gzip'), maxBytes);
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, maxBytes = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = source.pipeThrough(transform as unknown as TransformStream<Uint8Array, Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new RangeError(`inflates beyond ${maxBytes} bytes`);
    }
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
