/**
 * A cheap nudge from `notify` to the mailer of this process: e-mails go out soon after the action
 * instead of at the next tick. notify runs before its transaction commits, so the mailer waits a
 * moment before looking; a nudge that comes too early is caught by the regular tick.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function onMailQueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function wakeMailer(): void {
  for (const listener of listeners) {
    listener();
  }
}
