import { multipart } from '../support/files.js';
import type { Harness } from '../support/harness.js';
import { pdf } from './samples.js';

/**
 * A file attached to a real expert visit (the experts module's `expert_visit` owner): expert.001
 * uploads a PDF and records a visit of a 荣昌区 专精特新 enterprise assigned to it (demo.enterprise's when the demo has no other).
 */
export async function expertVisitFile(h: Harness, login: (user: string) => Promise<string>) {
  const expert = await login('expert.001');
  const [enterprise] = await h.database.query<{ id: string }>(
    `select e.id from enterprises e
      where e.district_code = '500153'
        and (e.current_tier = 'srdi' or e.id in (select a.enterprise_id from expert_assignments a join experts x on x.id = a.expert_id
                                                join users u on u.id = x.user_id where u.username = 'expert.001' and a.kind = 'enterprise'))
      order by e.id = (select enterprise_id from users where username = 'demo.enterprise'), e.id limit 1`,
  );
  if (!enterprise) throw new Error('no 荣昌区 enterprise assigned to expert.001 in the demo data');
  const body = await multipart(pdf(`visit ${Date.now()}`), '专家走访佐证.pdf');
  const uploaded = await h.app.inject({
    method: 'POST',
    url: '/api/files',
    payload: body.payload,
    headers: { ...body.headers, cookie: expert },
  });
  if (uploaded.statusCode !== 200) throw new Error(`upload failed: ${uploaded.statusCode} ${uploaded.body}`);
  const file = uploaded.json() as { id: string; name: string };
  const visit = await h.app.inject({
    method: 'POST',
    url: `/api/enterprises/${enterprise.id}/expert-visits`,
    headers: { cookie: expert },
    payload: { visitedOn: '2026-01-15', form: 'onsite', topic: '数字化改造', advice: '建议引入 MES 系统', fileIds: [file.id] },
  });
  if (visit.statusCode >= 300) throw new Error(`visit failed: ${visit.statusCode} ${visit.body}`);
  const [{ demo }] = await h.database.query<{ demo: boolean }>(
    "select $1::uuid = (select enterprise_id from users where username = 'demo.enterprise') as demo",
    [enterprise.id],
  );
  return { fileId: file.id, name: file.name, enterpriseId: enterprise.id, expert, demoEnterprise: demo };
}
