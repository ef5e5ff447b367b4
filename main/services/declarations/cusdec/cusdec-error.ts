/** A CUSDEC message that cannot become a declaration, pointing at the segment at fault. */
export class CusdecError extends Error {
  constructor(
    readonly segmentNumber: number,
    readonly segmentTag: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'CusdecError';
  }
}
