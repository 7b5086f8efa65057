/**
 * Sign-in keeps the page the user was sent to: #/signin?next=<that page's hash>. Only a route of
 * this UI is followed back (a hash starting "#/", never sign-in itself), so the parameter cannot
 * send anyone elsewhere.
 */
export function signInHref(hash: string): string {
  const next = safeNext(hash);
  return next === null ? '#/signin' : `#/signin?${new URLSearchParams({ next }).toString()}`;
}

/** Where to go after signing in: the kept page, or the meeting list. */
export function afterSignIn(params: URLSearchParams): string {
  return safeNext(params.get('next') ?? '') ?? '#/meetings';
}

function safeNext(hash: string): string | null {
  if (!/^#\/[^/]/.test(hash) || /^#\/signin\b/.test(hash) || hash === '#/meetings') return null;
  return hash;
}
