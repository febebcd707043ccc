/**
 * The token of an e-mailed link travels after '#', which browsers never send to a
 * server nor put in a Referer. Once read, it is wiped from the address bar and history.
 */
export function takeLinkToken(location: Location = window.location, history: History = window.history): string | null {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return token && /^[A-Za-z0-9_-]{16,200}$/.test(token) ? token : null;
}
