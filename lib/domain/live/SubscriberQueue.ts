import { isDroppable, type Delivery } from './captionEvents.js';

export interface SubscriberQueueOptions {
  /** How many events may wait; past this the oldest interim caption is dropped. */
  capacity: number;
  /**
   * Finals are kept past `capacity`, but not without end: a subscriber this far behind is cut
   * off (it reconnects and carries on from the live edge) rather than holding memory forever.
   */
  hardLimit: number;
}

/**
 * What one subscriber has not received yet. A slow reader costs the relay at most `hardLimit`
 * events: interim captions are superseded by the next one anyway, so they are what goes.
 */
export class SubscriberQueue {
  private readonly items: Delivery[] = [];
  private waiter: ((delivery: Delivery | null) => void) | null = null;
  private closed = false;
  /** Interim captions this subscriber never saw. */
  dropped = 0;

  constructor(private readonly options: SubscriberQueueOptions) {}

  /** False when the subscriber is too far behind and has been closed. */
  push(delivery: Delivery): boolean {
    if (this.closed) return false;
    if (this.waiter !== null) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter(delivery);
      return true;
    }
    this.items.push(delivery);
    if (this.items.length > this.options.capacity) {
      const oldest = this.items.findIndex((item) => isDroppable(item.event));
      if (oldest >= 0) {
        this.items.splice(oldest, 1);
        this.dropped += 1;
      }
    }
    if (this.items.length > this.options.hardLimit) {
      this.close();
      return false;
    }
    return true;
  }

  /** The next event, waiting for one; null once closed and drained. */
  next(): Promise<Delivery | null> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve(item);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  get length(): number {
    return this.items.length;
  }

  close(): void {
    this.closed = true;
    this.items.length = 0;
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.(null);
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
