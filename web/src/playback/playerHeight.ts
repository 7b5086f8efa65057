/**
 * Keeps `--player-height` on the root element equal to the sticky player's real height (it wraps
 * to more lines on a phone, and changes with the hint under it), so `scroll-padding-top` in
 * styles.css keeps jumps, focus and follow-along from ending under the player. Returns the undo.
 */
export function trackPlayerHeight(bar: HTMLElement): () => void {
  const root = document.documentElement;
  const update = () => root.style.setProperty('--player-height', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
  const observer = new ResizeObserver(update);
  observer.observe(bar);
  update();
  return () => {
    observer.disconnect();
    root.style.removeProperty('--player-height');
  };
}
