/** Limits on record files, in a module of their own so reading files does not load the YAML parser. */

/** A record file larger than this is refused unread (rule file-too-large). */
export const MAX_FILE_BYTES = 1024 * 1024;
