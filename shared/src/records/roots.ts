import { isIdShaped } from '../ids';
import { ActionRecord } from './action';
import { CommentRecord } from './comment';
import { LIMITS } from './constants';
import type { RecordType } from './field';
import { MetaRecord } from './meta';
import { ParkingLotItemRecord } from './parkingLotItem';
import { isWhyId, WhyRecord } from './why';

/** A root that is itself one record (a Y.Map). */
export interface RecordRoot {
  readonly kind: 'record';
  readonly record: RecordType;
}

/** A root Y.Text of at most `max` characters. */
export interface TextRoot {
  readonly kind: 'text';
  readonly max: number;
}

/** A root Y.Map of records keyed by id. */
export interface CollectionRoot {
  readonly kind: 'collection';
  readonly record: RecordType;
  /** Whether a key may name a record here. */
  readonly isKey: (key: string) => boolean;
}

export type Root = RecordRoot | TextRoot | CollectionRoot;

/**
 * Every root of an analysis document and what it holds. A replica may create other roots (any
 * name in an update becomes one); they are not part of the analysis and are kept empty.
 */
export const ROOTS = {
  meta: { kind: 'record', record: MetaRecord },
  /** The problem statement (a root, so no replica can ever replace it). */
  problem: { kind: 'text', max: LIMITS.problemLength },
  whys: { kind: 'collection', record: WhyRecord, isKey: isWhyId },
  actions: { kind: 'collection', record: ActionRecord, isKey: isIdShaped },
  comments: { kind: 'collection', record: CommentRecord, isKey: isIdShaped },
  /** Off-topic points set aside during the meeting. */
  parkingLot: { kind: 'collection', record: ParkingLotItemRecord, isKey: isIdShaped },
  /** Learnings for other customers. */
  learnings: { kind: 'text', max: LIMITS.evidenceLength },
  /** "Message to the customer": the team's own words that open the customer's version. */
  customerMessage: { kind: 'text', max: LIMITS.evidenceLength },
} as const satisfies Record<string, Root>;

export type RootName = keyof typeof ROOTS;

export const ROOT_NAMES = Object.keys(ROOTS) as RootName[];
