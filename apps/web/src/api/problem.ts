/** An RFC 9457 problem as the API answers errors; status 0 is "the server did not answer". */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** A failed call, carrying the server's problem details. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful call; otherwise an ApiError with the problem (or status 0 offline). */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch {
    throw new ApiError({ status: 0 });
  }
  if (answer.response.ok) return answer.data as T;
  const body = answer.error;
  const problem = typeof body === 'object' && body !== null ? (body as Problem) : {};
  throw new ApiError({ ...problem, status: answer.response.status });
}

/** The problem of an error thrown by `call` (anything else counts as the server not answering). */
export function problemOf(error: unknown): Problem {
  return error instanceof ApiError ? error.problem : { status: 0 };
}

/** Whether the call was refused for a stale `version`: someone changed the record since it was read. */
export function isStaleVersion(error: unknown): boolean {
  const problem = problemOf(error);
  return problem.status === 409 && (problem.errors ?? []).some((e) => e.field === 'version');
}
