import { jumpRefusal, type CounterKey, type LedgerEntry } from '../allocation/sequence.service.js';
import { MAX_DESIGNATION, MIN_DESIGNATION } from '../isrc/designation.js';

/**
 * The preview's forecast of the ledger and the counters the file touches: loaded once, then changed
 * in memory as the trial run would change the database row by row — a typed code claimed (or a
 * reserved one in use again) raises its counter, "next available" takes the code the database
 * function would take — so the jump rule and "next available" answer for each row exactly as
 * src/allocation/sequence.service.ts does on the real tables. Nothing here is written anywhere.
 */

export const counterKeyId = (key: CounterKey): string => `${key.countryCode}${key.registrantCode}${key.yearOfReference}`;

/** One sequence (country, registrant code, year): the counter and its taken designations. */
class Sequence {
  /** Taken designations, ascending (for counting a range). */
  private readonly sorted: number[];
  private readonly inUse = new Map<number, boolean>();

  constructor(
    readonly key: CounterKey,
    public last: number,
    entries: readonly LedgerEntry[],
  ) {
    for (const e of entries) {
      this.inUse.set(e.designation, e.inUse);
    }
    this.sorted = [...this.inUse.keys()].sort((a, b) => a - b);
  }

  isTaken(designation: number): boolean {
    return this.inUse.has(designation);
  }

  get takenCount(): number {
    return this.sorted.length;
  }

  /** Index of the first taken designation ≥ `value`. */
  private lowerBound(value: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] ?? 0) < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** countTaken(key, { from, to }). */
  countTaken(from: number, to: number): number {
    return from > to ? 0 : this.lowerBound(to + 1) - this.lowerBound(from);
  }

  /** The lowest never-taken designation in from..to (freeDesignations with limit 1). */
  private lowestFree(from: number, to: number): number | undefined {
    for (let d = from; d <= to; d++) {
      if (!this.isTaken(d)) {
        return d;
      }
    }
    return undefined;
  }

  /** nextAvailable(key, last): above the counter first, else the lowest never-taken code. */
  nextAvailable(): number | undefined {
    return this.lowestFree(this.last + 1, MAX_DESIGNATION) ?? this.lowestFree(MIN_DESIGNATION, this.last);
  }

  take(designation: number, inUse: boolean): void {
    if (!this.inUse.has(designation)) {
      this.sorted.splice(this.lowerBound(designation), 0, designation);
    }
    this.inUse.set(designation, inUse);
  }

  setInUse(designation: number): void {
    this.inUse.set(designation, true);
  }

  /** raiseCounter. */
  raise(designation: number): void {
    this.last = Math.max(this.last, designation);
  }

  /** resetCounterToInUse. */
  resetToInUse(): void {
    let max = 0;
    for (const [d, used] of this.inUse) {
      if (used && d > max) {
        max = d;
      }
    }
    this.last = max;
  }
}

/** A ledger row as ownership checks need it (findAssignment). */
export interface LedgerOwner {
  registrantId: string;
  inUse: boolean;
}

/** What a step would change, applied only when the whole step succeeds (the trial run's savepoint). */
export type Change = () => void;

export class LedgerForecast {
  private readonly sequences = new Map<string, Sequence>();
  private readonly owners = new Map<string, LedgerOwner>();

  /** `entries`: every ledger row of `keys` (all of one country, sequencesSnapshot); `counters`: their counter rows. */
  constructor(countryCode: string, keys: readonly CounterKey[], counterRows: readonly (CounterKey & { last: number })[], entries: readonly LedgerEntry[]) {
    const counters = new Map(counterRows.map((c) => [counterKeyId(c), c.last]));
    const byKey = new Map<string, LedgerEntry[]>();
    for (const e of entries) {
      const id = counterKeyId({ countryCode, registrantCode: e.registrantCode, yearOfReference: e.yearOfReference });
      const list = byKey.get(id) ?? [];
      list.push(e);
      byKey.set(id, list);
      this.owners.set(e.isrc, { registrantId: e.registrantId, inUse: e.inUse });
    }
    for (const key of keys) {
      const id = counterKeyId(key);
      this.sequences.set(id, new Sequence(key, counters.get(id) ?? 0, byKey.get(id) ?? []));
    }
  }

  private sequence(key: CounterKey): Sequence {
    const found = this.sequences.get(counterKeyId(key));
    if (found === undefined) {
      throw new Error(`import preview: sequence ${counterKeyId(key)} was not loaded`);
    }
    return found;
  }

  /** findAssignment: who holds a code in the ledger. */
  owner(isrc: string): LedgerOwner | undefined {
    return this.owners.get(isrc);
  }

  /** lockForTypedCode: ISRC_JUMP_UNCONFIRMED (thrown) for an unconfirmed jump past "next available". */
  checkJump(key: CounterKey, designation: number, confirmed: boolean): void {
    if (confirmed) {
      return;
    }
    const seq = this.sequence(key);
    const next = seq.nextAvailable();
    if (next === undefined || designation <= next) {
      return;
    }
    const refusal = jumpRefusal(key, designation, next, seq.countTaken(next, designation - 1));
    if (refusal !== undefined) {
      throw refusal;
    }
  }

  /** claimStep's writes: the counter raised and the code in the ledger as the registrant's, in use. */
  claim(key: CounterKey, designation: number, isrc: string, registrantId: string): Change {
    return () => {
      const seq = this.sequence(key);
      seq.raise(designation);
      seq.take(designation, true);
      this.owners.set(isrc, { registrantId, inUse: true });
    };
  }

  /** reserveOwnIsrc's writes for a code of the registrant's not in use: in use again, counter raised. */
  reuse(key: CounterKey, designation: number, isrc: string, registrantId: string): Change {
    return () => {
      const seq = this.sequence(key);
      seq.setInUse(designation);
      seq.raise(designation);
      this.owners.set(isrc, { registrantId, inUse: true });
    };
  }

  /**
   * takeDesignations(key, 1): the code "next available" takes, or the codes left when none is free.
   * The fast path (isrc_allocate_range) takes counter + 1 when it is free and moves the counter; the
   * slow path picks the lowest free code above the counter, else below, and resets the counter to
   * the highest code in use.
   */
  takeNext(key: CounterKey): { ok: true; designation: number; apply: Change } | { ok: false; available: number } {
    const seq = this.sequence(key);
    const fast = seq.last + 1;
    if (fast <= MAX_DESIGNATION && !seq.isTaken(fast)) {
      return {
        ok: true,
        designation: fast,
        apply: () => {
          seq.take(fast, true);
          seq.last = fast;
        },
      };
    }
    const available = MAX_DESIGNATION - seq.takenCount;
    const picked = available < 1 ? undefined : seq.nextAvailable();
    if (picked === undefined) {
      return { ok: false, available };
    }
    return {
      ok: true,
      designation: picked,
      apply: () => {
        seq.take(picked, true);
        seq.resetToInUse();
      },
    };
  }

  /** The ledger row "next available" writes (system codes are always the registrant's, in use). */
  own(isrc: string, registrantId: string): Change {
    return () => this.owners.set(isrc, { registrantId, inUse: true });
  }
}
