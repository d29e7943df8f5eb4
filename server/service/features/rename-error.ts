/** A new name that cannot be an attribute name (the LSP adapter answers it as invalid params). */
export class RenameError extends Error {}
