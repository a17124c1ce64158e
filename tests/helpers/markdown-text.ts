/** A line of Markdown as it reads: a backslash before an ASCII mark is that mark, as text (CommonMark, "Backslash escapes"). */
export const markdownText = (markdown: string): string => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
