// Runs a callback in a later task, after every microtask of the current one, so all changes a page makes in one
// task (attributes, children, Lit updates) are seen together. A MessageChannel is used because hidden tabs throttle
// setTimeout to a second or more, and a live show often runs in a background tab.
type Callback = () => void;

type NodePort = MessagePort & { ref?: () => void; unref?: () => void };

let channel: MessageChannel | undefined;
const queue: Callback[] = [];

function flush(): void {
  for (const callback of queue.splice(0, queue.length)) callback();
  // In Node a port with onmessage keeps the process alive: hold it only while work is waiting.
  if (queue.length === 0) (channel?.port1 as NodePort | undefined)?.unref?.();
}

export function nextTask(callback: Callback): void {
  queue.push(callback);
  if (queue.length > 1) return;
  if (typeof MessageChannel === 'undefined') {
    setTimeout(flush, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = flush;
  }
  (channel.port1 as NodePort).ref?.();
  channel.port2.postMessage(undefined);
}
