import type { FileHandle } from 'node:fs/promises';

/** Up to `length` bytes of an open file from offset `at` (fewer at its end): the container checks' one read. */
export async function readAt(handle: FileHandle, at: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, at);
  return buffer.subarray(0, bytesRead);
}
