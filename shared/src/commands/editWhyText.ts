import type * as Y from 'yjs';
import type { WhyId } from '../ids';
import type { Origin } from '../origin';
import type { Result } from '../result';
import { LIMITS, whyOf } from '../schema';
import { writeSharedText } from './writeSharedText';

/** Changes a why's answer to `text`, touching only the characters that differ. */
export function editWhyText(
  doc: Y.Doc,
  input: { whyId: WhyId; text: string },
  origin: Origin,
): Result {
  const target = whyOf(doc, input.whyId)?.get('text');
  return writeSharedText(
    doc,
    target,
    input.text,
    { label: 'Why text', max: LIMITS.whyTextLength },
    origin,
  );
}
