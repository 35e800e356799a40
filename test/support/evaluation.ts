import { expect } from 'vitest';
import type { Harness } from './harness.js';

/** Starts a batch evaluation as that user and waits until it is done; returns the started run ({ id, total }). */
export async function runEvaluation(h: Harness, cookie: string, body: object = {}): Promise<{ id: string; total: number }> {
  const started = await h.app.inject({ method: 'POST', url: '/api/evaluations/runs', headers: { cookie }, payload: body });
  expect(started.statusCode, started.body).toBe(202);
  for (let i = 0; i < 400; i++) {
    const run = (await h.app.inject({ method: 'GET', url: `/api/evaluations/runs/${started.json().id}`, headers: { cookie } })).json();
    if (run.status === 'done') return started.json();
    expect(run.status).not.toBe('failed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the evaluation run did not finish');
}
