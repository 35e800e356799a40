// `npm run bench -- platform` (issue 9): the job queue (10,000 jobs by two worker processes, takeover
// after kill -9, batch evaluation through the queue against COPY), the message centre's unread
// count, and an import's preview + commit against one streaming parse. Each part prints its
// reference measured in the same run.
import { benchPlatformImport } from './platform-import.js';
import { benchPlatformJobs } from './platform-jobs.js';
import { benchPlatformMessages } from './platform-messages.js';

export async function benchPlatform(): Promise<void> {
  await benchPlatformJobs();
  await benchPlatformMessages();
  await benchPlatformImport();
}
