/** The form of every id (departments, people, nominations, criteria): one home for it. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
