// `npm run bench -- recognition` (issue 10): a round of 6,000 applications — the district review
// list with filters under 8 concurrent clients and batch approval of 1,000; the announcement of
// 3,000 titles with their history, messages and audit rows; an enterprise's autosave. Each part
// prints its reference measured in the same run.
import { benchRecognitionAnnounce } from './recognition-announce.js';
import { benchRecognitionAutosave } from './recognition-autosave.js';
import { benchRecognitionReview } from './recognition-review.js';

export async function benchRecognition(): Promise<void> {
  await benchRecognitionReview();
  await benchRecognitionAnnounce();
  await benchRecognitionAutosave();
}
