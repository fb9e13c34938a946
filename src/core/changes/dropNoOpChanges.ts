import { isNoOpChange, type ChangeSet } from './changeSet';

/** The same change set without the files whose content would not change. */
export function dropNoOpChanges(changeSet: ChangeSet): ChangeSet {
  const files = changeSet.files.filter((change) => !isNoOpChange(change));
  return files.length === changeSet.files.length ? changeSet : { ...changeSet, files };
}
