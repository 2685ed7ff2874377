import type { ReaderLimits } from './limits.js';
import type { ChildMessage } from './read-protocol.js';
import type { ReadResult, ReadStats } from './read-workbook.js';
import { refuse, type Refused } from './refusals.js';
import type { WorkbookData } from './workbook.js';

/** What a parsing child's end means for the read: its answer, or why it had none. */

/** Why the parent killed a child: its limits, or the upload it reads failed meanwhile. */
export type KillCause = 'timeout' | 'memory' | 'aborted';

export function crashRefusal(cause: KillCause | undefined, code: number | null, signal: string | null, stderr: string, limits: ReaderLimits): Refused {
  if (cause === 'timeout') {
    return refuse('too-complex', { cause, limitMs: limits.timeoutMs });
  }
  if (cause === 'memory') {
    return refuse('too-complex', { cause, limitMb: limits.maxRssMb });
  }
  if (cause === 'aborted') {
    return refuse('unreadable', { cause });
  }
  if (/heap out of memory|allocation failed/i.test(stderr) || signal === 'SIGABRT' || code === 134) {
    return refuse('too-complex', { cause: 'heap', limitMb: limits.maxHeapMb });
  }
  return refuse('unreadable', { cause: 'crash', exit: String(code ?? signal ?? '') });
}

export function answer(message: Exclude<ChildMessage, { type: 'ready' }>, stats: (cells: number) => ReadStats): ReadResult {
  if (message.type === 'result') {
    const measured = stats(message.cells);
    const peakRssMb = message.maxRssMb === undefined ? measured.peakRssMb : Math.max(measured.peakRssMb ?? 0, message.maxRssMb);
    let workbook: WorkbookData;
    try {
      // The child is ours and sends what toWorkbookData made; its JSON is that shape.
      workbook = JSON.parse(message.workbookJson) as WorkbookData;
    } catch {
      // A child that parsed hostile input is never trusted to have sent sense: a refusal, not a crash.
      return { ...refuse('unreadable', { cause: 'protocol' }), stats: measured };
    }
    return { ok: true, workbook, stats: { ...measured, peakRssMb } };
  }
  return { ...refuse(message.reason, message.detail), stats: stats(0) };
}
