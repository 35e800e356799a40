import { defineScopeCases } from '../support/scope-cases.js';
import { expertVisitFile } from './expert-visit-file.js';

export default defineScopeCases({
  module: 'files',
  unscoped: {
    'POST /api/files': 'stores an upload of the caller’s own, attached to nothing (no enterprise data read or changed)',
  },
  // A file attached to an expert visit of a 荣昌区 enterprise: readable by 荣昌区's officer, nobody outside.
  cases: async (f) => {
    const { fileId, demoEnterprise } = await expertVisitFile(f.h, (u) => f.cookie(u));
    return ['yubei.admin', 'expert.002', ...(demoEnterprise ? [] : ['demo.enterprise'])].flatMap((actor) =>
      [`/api/files/${fileId}`, `/api/files/${fileId}/meta`].map((url) => ({
        method: 'GET' as const,
        url,
        actor,
        expect: 404 as const,
        control: 'rongchang.admin',
      })),
    );
  },
});
