/** A WCO XML declaration that cannot be imported, with the element path at fault. */
export class XmlImportError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'XmlImportError';
  }
}
