// Lets a delivery worker in this process wake up soon after a message is queued
// instead of waiting for its next poll. The poll remains the guarantee.
type Listener = () => void;
const listeners = new Set<Listener>();

export function notifyMailQueued(): void {
  for (const l of listeners) l();
}

export function onMailQueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
