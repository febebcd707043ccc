/** A field error of an RFC 9457 problem, as the API names it. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  title?: string;
  detail?: string;
  status: number;
  errors?: FieldProblem[];
}

export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; problem: Problem };

/** POSTs JSON to the API; errors come back as the server's problem details, never thrown. */
export async function postJson<T>(path: string, body: unknown, fetcher: typeof fetch = fetch): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetcher(`/api/v1${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, problem: { status: 0 } };
  }
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (response.ok) return { ok: true, status: response.status, body: parsed as T };
  return { ok: false, status: response.status, problem: (parsed as Problem) ?? { status: response.status } };
}
