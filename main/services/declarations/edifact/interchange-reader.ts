/**
 * Checks the envelope of an interchange (UNB…UNZ, optional UNG…UNE, UNH…UNT)
 * segment by segment and hands out each complete message, or a rejection
 * naming the message, segment and reason. One broken message never stops the
 * others: the reader resynchronises at the next UNH.
 */
import { component, type Segment } from './segment';
import { isTokenizerError, type Token } from './tokenizer';

export interface EdifactMessage {
  ref: string;
  /** 0-based position among the messages (UNH) of the file. */
  index: number;
  /** UNH 0065/0052/0054, e.g. CUSDEC, D, 96B. */
  type: string;
  version: string;
  release: string;
  /** UNH 0057 association assigned code (e.g. a national message implementation guide), or ''. */
  association: string;
  /** UNB 0004 interchange sender and 0010 recipient identifications, or '' without a UNB. */
  sender: string;
  recipient: string;
  /** UNH…UNT inclusive. */
  segments: Segment[];
}

export interface EnvelopeError {
  messageRef: string | null;
  messageIndex: number | null;
  /** 1-based number of the offending segment within its message (UNH = 1), or within the file when outside a message. */
  segmentNumber: number | null;
  segmentTag: string | null;
  reason: string;
}

export type EnvelopeItem = { kind: 'message'; message: EdifactMessage } | { kind: 'error'; error: EnvelopeError };

/** Guards memory against a message that never ends. */
const MAX_SEGMENTS_PER_MESSAGE = 200_000;

interface OpenMessage {
  ref: string;
  index: number;
  segments: Segment[];
  broken: EnvelopeError | null;
}

export class InterchangeReader {
  private interchangeRef: string | null = null;
  private sender = '';
  private recipient = '';
  private seenUnb = false;
  private messagesInInterchange = 0;
  /** UNG groups in the current interchange: when there are any, UNZ 0036 counts them instead of messages (ISO 9735). */
  private groupsInInterchange = 0;
  private groupRef: string | null = null;
  private messagesInGroup = 0;
  private message: OpenMessage | null = null;
  private messageCount = 0;
  private closed = false;

  /** Feeds tokens in file order; returns what they completed. */
  accept(tokens: readonly Token[]): EnvelopeItem[] {
    const out: EnvelopeItem[] = [];
    for (const t of tokens) this.take(t, out);
    return out;
  }

  /** Call once at the end of input. */
  finish(): EnvelopeItem[] {
    const out: EnvelopeItem[] = [];
    if (this.message) {
      this.rejectOpen(out, 'the message has no UNT trailer (file ends inside the message)', null);
    }
    if (!this.seenUnb && this.messageCount === 0) {
      out.push(fileError(null, null, 'no UNB interchange header and no UNH message found: not an EDIFACT interchange'));
    } else if (this.seenUnb && !this.closed) {
      out.push(fileError(null, 'UNZ', 'the interchange has no UNZ trailer (truncated file?); complete messages were imported'));
    }
    return out;
  }

  /** Feeds one token; what it completes (at most a message and its errors) goes to `out`. */
  take(t: Token, out: EnvelopeItem[]): void {
    if (isTokenizerError(t)) {
      if (this.message) this.breakOpen(this.message.segments.length + 1, t.tag, t.error);
      else out.push(fileError(t.ordinal, t.tag, t.error));
      return;
    }
    switch (t.tag) {
      case 'UNB':
        if (this.message) this.rejectOpen(out, 'UNB inside a message: its UNT is missing', 'UNB');
        if (this.seenUnb && !this.closed)
          out.push(fileError(t.ordinal, 'UNB', 'a new UNB before the UNZ of the previous interchange'));
        this.seenUnb = true;
        this.closed = false;
        this.interchangeRef = component(t, 5);
        this.sender = component(t, 2);
        this.recipient = component(t, 3);
        this.messagesInInterchange = 0;
        this.groupsInInterchange = 0;
        if (!this.interchangeRef) out.push(fileError(t.ordinal, 'UNB', 'UNB has no interchange control reference (0020)'));
        return;
      case 'UNG':
        this.groupRef = component(t, 5);
        this.messagesInGroup = 0;
        this.groupsInInterchange++;
        return;
      case 'UNE':
        if (this.message) this.rejectOpen(out, 'UNE inside a message: its UNT is missing', 'UNE');
        this.checkCount(out, t, 'UNE', this.messagesInGroup, this.groupRef, 'functional group');
        this.groupRef = null;
        return;
      case 'UNZ':
        if (this.message) this.rejectOpen(out, 'UNZ inside a message: its UNT is missing', 'UNZ');
        if (!this.seenUnb) out.push(fileError(t.ordinal, 'UNZ', 'UNZ without UNB'));
        if (this.groupsInInterchange > 0)
          this.checkCount(out, t, 'UNZ', this.groupsInInterchange, this.interchangeRef, 'interchange', 'functional groups');
        else this.checkCount(out, t, 'UNZ', this.messagesInInterchange, this.interchangeRef, 'interchange');
        this.closed = true;
        return;
      case 'UNH':
        if (this.message) this.rejectOpen(out, `UNH of the next message before UNT: the message has no trailer`, 'UNH');
        if (!this.seenUnb && this.messageCount === 0)
          out.push(fileError(t.ordinal, 'UNH', 'the file has no UNB interchange header'));
        if (this.closed) out.push(fileError(t.ordinal, 'UNH', 'message after UNZ'));
        this.message = { ref: component(t, 1), index: this.messageCount++, segments: [t], broken: null };
        this.messagesInInterchange++;
        this.messagesInGroup++;
        if (!this.message.ref) this.message.broken = err(this.message, 1, 'UNH', 'UNH has no message reference number (0062)');
        return;
      case 'UNT':
        if (!this.message) {
          out.push(fileError(t.ordinal, 'UNT', 'UNT without UNH'));
          return;
        }
        this.closeMessage(t, out);
        return;
      default:
        if (!this.message) {
          out.push(fileError(t.ordinal, t.tag, `segment ${t.tag} outside a message (between UNT and UNH)`));
          return;
        }
        if (this.message.segments.length >= MAX_SEGMENTS_PER_MESSAGE) {
          this.breakOpen(
            this.message.segments.length + 1,
            t.tag,
            `more than ${MAX_SEGMENTS_PER_MESSAGE} segments in one message`,
          );
          return;
        }
        if (!this.message.broken) this.message.segments.push(t);
        else this.message.segments.length++; // keep counting for UNT without holding the data
    }
  }

  private closeMessage(unt: Segment, out: EnvelopeItem[]): void {
    const m = this.message!;
    this.message = null;
    const count = m.segments.length + 1;
    const untNumber = count;
    if (m.broken) {
      out.push({ kind: 'error', error: m.broken });
      return;
    }
    const declared = component(unt, 1);
    const untRef = component(unt, 2);
    if (!/^\d+$/.test(declared) || Number(declared) !== count) {
      out.push({
        kind: 'error',
        error: err(m, untNumber, 'UNT', `UNT says ${declared || 'nothing'} segments but the message has ${count} (UNH to UNT)`),
      });
      return;
    }
    if (untRef !== m.ref) {
      out.push({
        kind: 'error',
        error: err(m, untNumber, 'UNT', `UNT message reference "${untRef}" does not match UNH "${m.ref}"`),
      });
      return;
    }
    const unh = m.segments[0]!;
    m.segments.push(unt);
    out.push({
      kind: 'message',
      message: {
        ref: m.ref,
        index: m.index,
        type: component(unh, 2, 0),
        version: component(unh, 2, 1),
        release: component(unh, 2, 2),
        association: component(unh, 2, 4),
        sender: this.sender,
        recipient: this.recipient,
        segments: m.segments,
      },
    });
  }

  private checkCount(
    out: EnvelopeItem[],
    t: Segment,
    tag: string,
    actual: number,
    ref: string | null,
    what: string,
    counted = 'messages',
  ): void {
    const declared = component(t, 1);
    if (!/^\d+$/.test(declared) || Number(declared) !== actual) {
      out.push(fileError(t.ordinal, tag, `${tag} says ${declared || 'nothing'} ${counted} but the ${what} has ${actual}`));
    }
    const trailerRef = component(t, 2);
    if (ref !== null && trailerRef !== ref) {
      out.push(fileError(t.ordinal, tag, `${tag} control reference "${trailerRef}" does not match "${ref}"`));
    }
  }

  private breakOpen(segmentNumber: number, tag: string, reason: string): void {
    const m = this.message!;
    if (!m.broken) m.broken = err(m, segmentNumber, tag, reason);
    m.segments.length++;
  }

  private rejectOpen(out: EnvelopeItem[], reason: string, tag: string | null): void {
    const m = this.message!;
    this.message = null;
    out.push({ kind: 'error', error: m.broken ?? err(m, m.segments.length + 1, tag, reason) });
  }
}

function err(m: OpenMessage, segmentNumber: number, tag: string | null, reason: string): EnvelopeError {
  return { messageRef: m.ref || null, messageIndex: m.index, segmentNumber, segmentTag: tag, reason };
}

function fileError(ordinal: number | null, tag: string | null, reason: string): EnvelopeItem {
  return { kind: 'error', error: { messageRef: null, messageIndex: null, segmentNumber: ordinal, segmentTag: tag, reason } };
}
