/** File-system errors in words: what the disk said, for someone who has never seen "ENOSPC". */

const meanings: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'there is no permission to write there',
  EPERM: 'the operating system did not allow it',
  EBUSY: 'another program is using the folder',
  EEXIST: 'something is already in the way there',
  ENOTDIR: 'a file is in the way where a folder should be',
  ENOTEMPTY: 'a folder that should be empty is not',
  ENOENT: 'a file or folder disappeared while it was being used',
  EMFILE: 'too many files are open',
};

/** "the disk is full (at /path)" for a Node.js file-system error; any other error's own message. */
export function explainFileError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, path } = error as NodeJS.ErrnoException;
  const meaning = code ? meanings[code] : undefined;
  if (!meaning) return error.message;
  return `${meaning}${path ? ` (at ${path})` : ''}`;
}
