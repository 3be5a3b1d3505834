/** Shared by the password hashing module and the schemas that accept passwords. */
export const MIN_PASSWORD_LENGTH_VALUE = 10;
